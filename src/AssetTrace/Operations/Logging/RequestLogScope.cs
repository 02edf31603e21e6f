using System.Security.Claims;

namespace AssetTrace.Operations.Logging;

/// <summary>
/// Puts who is asking and the request's id on every log line written while a request is served (#19), so
/// JSON logs (Logging:Console:FormatterName=json, FormatterOptions:IncludeScopes=true) can be filtered by
/// user or request. Only the user's name: never the token that identified them.
/// </summary>
public static class RequestLogScope
{
    public static void UseRequestLogScope(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AssetTrace.Requests");
        app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["User"] = context.User.FindFirstValue(ClaimTypes.Name) ?? "anonymous",
                ["RequestId"] = context.TraceIdentifier,
            }))
            {
                await next(context);
            }
        });
    }
}
