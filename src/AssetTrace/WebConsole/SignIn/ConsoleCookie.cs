using System.Security.Claims;
using System.Text.Encodings.Web;
using AssetTrace.Accounts;
using AssetTrace.Graph.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssetTrace.WebConsole.SignIn;

/// <summary>
/// Authenticates the console's cookie, which carries a session token of the same kind the API's
/// bearer header does (#13): the token is looked up in the store on every request, so signing out,
/// a password change, a disabled account or a changed role apply at once, as they do for the API.
/// </summary>
public sealed class ConsoleCookie(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ConsoleCookie";

    /// <summary>The scheme that picks, per request, the bearer header (the API) or the cookie (the console).</summary>
    public const string SelectorScheme = "BearerOrConsoleCookie";

    /// <summary>Note: the __Host- prefix is only accepted on https, so plain http (loopback) uses a plain name.</summary>
    public const string CookieName = "assettrace_console";

    /// <summary>
    /// The session's secret, kept in the principal so that a long-lived console circuit can check the
    /// token is still live before each read (see <see cref="ConsoleSession"/>). The principal stays in
    /// the server's memory; the browser has the secret only in its HttpOnly cookie.
    /// </summary>
    public const string SecretClaim = "assettrace:console-secret";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var secret) || string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }
        var authenticated = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        if (authenticated is not var (user, tokenId, _))
        {
            return AuthenticateResult.Fail("The console session has ended; sign in again.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Username), new(ClaimTypes.NameIdentifier, user.Id),
            new(BearerTokenHandler.TokenIdClaim, tokenId), new(SecretClaim, secret),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, Codes.Of(r))));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>A console page asked for without a live session goes to the sign-in page, and back after it.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/signin?back=" + Uri.EscapeDataString(back));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The API (/graphql, /auth/…) and anything that sends an Authorization header authenticate with
    /// the bearer token only: the console's cookie never authorises an API call, so another site
    /// cannot make the browser call the API with it.
    /// </summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0
        || context.Request.Path.StartsWithSegments("/graphql")
        || context.Request.Path.StartsWithSegments("/auth")
            ? BearerTokenHandler.SchemeName
            : SchemeName;
}
