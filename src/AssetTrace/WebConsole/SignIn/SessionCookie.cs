using AssetTrace.Accounts;

namespace AssetTrace.WebConsole.SignIn;

/// <summary>Writes and clears the console's session cookie.</summary>
public static class SessionCookie
{
    /// <summary>HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure on https.</summary>
    public static void Set(HttpContext http, IssuedToken token) =>
        http.Response.Cookies.Append(ConsoleCookie.CookieName, token.Secret, Options(http, token.ExpiresAt));

    public static void Clear(HttpContext http) =>
        http.Response.Cookies.Delete(ConsoleCookie.CookieName, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
