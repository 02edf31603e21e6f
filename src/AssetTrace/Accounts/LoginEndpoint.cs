using AssetTrace.Graph.Model;

namespace AssetTrace.Accounts;

/// <summary>POST /auth/login: a username and password for a session bearer token.</summary>
public static class LoginEndpoint
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record LoginResponse(string Token, DateTimeOffset? ExpiresAt, string Username, IEnumerable<string> Roles);

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/login", async (LoginRequest? request, AccountStore accounts, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request?.Username) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem(statusCode: 400, title: "Username and password required",
                    detail: "Send JSON {\"username\": \"…\", \"password\": \"…\"}.");
            }
            var result = await accounts.SignInAsync(request.Username, request.Password, ct);
            return result is { } signedIn
                ? Results.Ok(new LoginResponse(signedIn.Token.Secret, signedIn.Token.ExpiresAt, signedIn.User.Username, signedIn.User.Roles.Select(Codes.Of)))
                : Results.Problem(statusCode: 401, title: "Sign-in failed", detail: "Unknown user, wrong password, or the account is disabled.");
        }).AllowAnonymous();
        return routes;
    }
}
