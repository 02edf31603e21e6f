using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.WebConsole.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using System.Globalization;

namespace AssetTrace.WebConsole.SignIn;

/// <summary>
/// The console's sign-in, forced password change and sign-out (#13): plain HTML form posts, checked
/// for their antiforgery token, that go through the same SignIn service as POST /auth/login (the
/// same throttling, audit and one-time passwords) and keep the session token in an HttpOnly cookie.
/// Each answers with a redirect; what went wrong travels as a code the page turns into a sentence.
/// </summary>
public static class ConsoleSignInEndpoints
{
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/console/signin", SignInAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapPost("/console/password", ChangePasswordAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapPost("/console/signout", SignOutAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapGet("/console/language", (string? to, string? back, HttpContext http) =>
        {
            if (to is not null && ConsoleLanguage.Codes.Contains(to))
            {
                http.Response.Cookies.Append(ConsoleLanguage.CookieName, to, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true,
                });
            }
            return Results.Redirect(LocalReturn.Path(back));
        }).AllowAnonymous();
        return routes;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, Accounts.SignIn signIn)
    {
        if (await FormAsync(http, antiforgery) is not { } form)
        {
            return Results.Redirect("/signin?error=expired");
        }
        var (username, password, back) = (form["username"].ToString().Trim(), form["password"].ToString(), LocalReturn.Path(form["back"]));
        if (username.Length == 0 || password.Length == 0)
        {
            return Results.Redirect(SignInPage("missing", username, back));
        }
        var result = await signIn.SignInAsync(username, password, ClientAddress.Key(http.Connection.RemoteIpAddress), http.RequestAborted);
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                SessionCookie.Set(http, result.Token!);
                return Results.Redirect(back);
            case SignInStatus.PasswordChangeRequired:
                return Results.Redirect($"/password?user={Uri.EscapeDataString(username)}&back={Uri.EscapeDataString(back)}");
            case SignInStatus.Throttled:
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Redirect(SignInPage("throttled", username, back) + "&retry=" + result.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
            default:
                return Results.Redirect(SignInPage("failed", username, back));
        }
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, IAntiforgery antiforgery, Accounts.SignIn signIn, TokenStore tokens)
    {
        if (await FormAsync(http, antiforgery) is not { } form)
        {
            return Results.Redirect("/password?error=expired");
        }
        var username = form["username"].ToString().Trim();
        var back = LocalReturn.Path(form["back"]);
        var again = $"/password?user={Uri.EscapeDataString(username)}&back={Uri.EscapeDataString(back)}&error=";
        var (current, chosen) = (form["currentPassword"].ToString(), form["newPassword"].ToString());
        if (username.Length == 0 || current.Length == 0 || chosen.Length == 0)
        {
            return Results.Redirect(again + "missing");
        }
        if (chosen != form["confirmPassword"].ToString())
        {
            return Results.Redirect(again + "mismatch");
        }
        try
        {
            var result = await signIn.ChangePasswordAsync(username, current, chosen, ClientAddress.Key(http.Connection.RemoteIpAddress), null, http.RequestAborted);
            switch (result.Status)
            {
                case SignInStatus.PasswordChanged:
                    SessionCookie.Set(http, await tokens.IssueSessionAsync(result.User!, http.RequestAborted));
                    return Results.Redirect(back);
                case SignInStatus.Throttled:
                    return Results.Redirect(again + "throttled&retry=" + result.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
                default:
                    return Results.Redirect(again + "failed");
            }
        }
        catch (UserInputException)
        {
            // Too short, or the same as the one-time password: the page says both rules in the user's language.
            return Results.Redirect(again + "rejected");
        }
    }

    /// <summary>Revokes the session's token (audited as token.revoked) and clears the cookie.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, TokenStore tokens)
    {
        if (await FormAsync(http, antiforgery) is null)
        {
            return Results.Redirect("/?error=expired");
        }
        var session = await http.AuthenticateAsync(ConsoleCookie.SchemeName);
        if (session.Succeeded && session.Principal.Identity?.Name is { } username
            && session.Principal.FindFirst(BearerTokenHandler.TokenIdClaim)?.Value is { } tokenId)
        {
            await tokens.RevokeAsync(tokenId, username, anyUsers: false, "signed out of the console", http.RequestAborted);
        }
        SessionCookie.Clear(http);
        return Results.Redirect("/signin?signedout=1");
    }

    /// <summary>The posted form, when it carries a valid antiforgery token; null otherwise.</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    private static string SignInPage(string error, string username, string back) =>
        $"/signin?error={error}&user={Uri.EscapeDataString(username)}&back={Uri.EscapeDataString(back)}";
}
