namespace AssetTrace.Hosting;

/// <summary>
/// Headers on every response the server sends (#11): a strict Content-Security-Policy, no MIME
/// sniffing, no referrer. The GraphiQL page loads only its own files (vendored, no CDN) and runs
/// no inline script, so scripts may come from this origin only.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Note: GraphiQL's stylesheet embeds its fonts and icons as data: URLs (font-src, img-src).
    /// Everything else is this origin or nothing; the page may not be framed, may not change its
    /// base URL, and may post forms and fetches only to this server.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// The web console's pages (#13): the same, except that they may set their base URL to this server,
    /// which Blazor's router reads (&lt;base href="/"&gt;). Its circuit's WebSocket is 'self' in connect-src.
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>GraphiQL and the API keep the strictest policy; every other path is the console's.</summary>
    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/graphiql") || path.StartsWithSegments("/graphql") || path.StartsWithSegments("/auth")
            ? ContentSecurityPolicy
            : ConsolePolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    });
}
