using AssetTrace.Common;
using AssetTrace.Graph.Model;

namespace AssetTrace.Accounts;

/// <summary>
/// POST /auth/login: a user name and password for a session bearer token. A one-time password (the
/// first-run admin's, one an admin set or reset) gives no token: the answer is 403 with
/// <c>passwordChangeRequired: true</c>, and POST /auth/password with the user name, the one-time
/// password and a new one changes it and answers like a sign-in. Too many failures answer 429 with
/// Retry-After in seconds (#11).
/// </summary>
public static class LoginEndpoint
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record PasswordChangeRequest(string? Username, string? CurrentPassword, string? NewPassword);

    public sealed record LoginResponse(string Token, DateTimeOffset? ExpiresAt, string Username, IEnumerable<string> Roles);

    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/login", async (LoginRequest? request, SignIn signIn, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(request?.Username) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem(statusCode: 400, title: "Username and password required",
                    detail: "Send JSON {\"username\": \"…\", \"password\": \"…\"}.");
            }
            return Answer(http, await signIn.SignInAsync(request.Username, request.Password, ClientAddress.Key(http.Connection.RemoteIpAddress), http.RequestAborted));
        }).AllowAnonymous();

        routes.MapPost("/auth/password", async (PasswordChangeRequest? request, SignIn signIn, TokenStore tokens, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(request?.Username) || string.IsNullOrEmpty(request.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
            {
                return Results.Problem(statusCode: 400, title: "Username, current and new password required",
                    detail: "Send JSON {\"username\": \"…\", \"currentPassword\": \"…\", \"newPassword\": \"…12 characters or more…\"}.");
            }
            try
            {
                var result = await signIn.ChangePasswordAsync(request.Username, request.CurrentPassword, request.NewPassword,
                    ClientAddress.Key(http.Connection.RemoteIpAddress), null, http.RequestAborted);
                return result.Status == SignInStatus.PasswordChanged
                    ? Answer(http, result with { Status = SignInStatus.SignedIn, Token = await tokens.IssueSessionAsync(result.User!, http.RequestAborted) })
                    : Answer(http, result);
            }
            catch (UserInputException e)
            {
                return Results.Problem(statusCode: 400, title: "The new password cannot be used",
                    detail: string.Join(" ", e.Errors.Select(error => $"{error.Field}: {error.Message}")));
            }
        }).AllowAnonymous();
        return routes;
    }

    private static IResult Answer(HttpContext http, SignInResult result)
    {
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                return Results.Ok(new LoginResponse(result.Token!.Secret, result.Token.ExpiresAt, result.User!.Username, result.User.Roles.Select(Codes.Of)));
            case SignInStatus.PasswordChangeRequired:
                return Results.Problem(statusCode: 403, title: "Password change required",
                    detail: "This password was set by someone else and serves only to choose your own: POST /auth/password with "
                        + "{\"username\": \"…\", \"currentPassword\": \"…\", \"newPassword\": \"…12 characters or more…\"}.",
                    extensions: new Dictionary<string, object?> { ["passwordChangeRequired"] = true });
            case SignInStatus.Throttled:
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: 429, title: "Too many failed sign-ins",
                    detail: $"Too many failed sign-ins for this user name or from this address; try again in {result.RetryAfterSeconds} seconds.");
            default:
                return Results.Problem(statusCode: 401, title: "Sign-in failed", detail: SignIn.FailureMessage);
        }
    }
}
