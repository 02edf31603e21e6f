namespace AssetTrace.WebConsole.SignIn;

/// <summary>Where to go after signing in: only a path on this server, never another site (an open redirect).</summary>
public static class LocalReturn
{
    public static string Path(string? back) =>
        back is { Length: > 0 } && back[0] == '/' && (back.Length == 1 || (back[1] != '/' && back[1] != '\\'))
            && !back.Contains("://", StringComparison.Ordinal) && !back.Any(char.IsControl)
            ? back
            : "/";
}
