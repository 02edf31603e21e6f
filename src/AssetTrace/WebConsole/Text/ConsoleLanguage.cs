namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The console's language: chosen with the switch in the header (kept in a cookie), else the
/// browser's preference, else Russian, the office's working language.
/// </summary>
public static class ConsoleLanguage
{
    public const string CookieName = "assettrace_language";

    public static IReadOnlyList<string> Codes { get; } = ["ru", "en"];

    public static string Of(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(CookieName, out var chosen) && Codes.Contains(chosen))
        {
            return chosen!;
        }
        foreach (var preferred in http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = preferred.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
            if (tag.StartsWith("ru", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("kk", StringComparison.OrdinalIgnoreCase))
            {
                return "ru";
            }
        }
        return "ru";
    }

    public static ConsoleText Text(string code) => code == "en" ? ConsoleText.English : ConsoleText.Russian;
}
