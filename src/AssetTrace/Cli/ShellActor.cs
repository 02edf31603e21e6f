using AssetTrace.Common;

namespace AssetTrace.Cli;

/// <summary>
/// Who runs a shell command, for the audit log and the provenance of what it writes (#11):
/// <c>shell:&lt;user&gt;@&lt;host&gt;</c>, the operating-system account and the machine. A shell command has
/// no sign-in, so this is the identity the machine vouches for; it is not taken from an option or an
/// environment variable, which anyone could set to another name.
/// </summary>
public static class ShellActor
{
    public static string Current() => $"shell:{Part(Environment.UserName)}@{Part(Environment.MachineName)}";

    // Note: on Unix, Environment.UserName is looked up from the effective user id (getpwuid), not from $USER;
    // MachineName is gethostname(). A name the audit log could not hold is marked rather than passed on.
    private static string Part(string value) =>
        string.IsNullOrEmpty(value) ? "unknown" : TextHygiene.Check("actor", value, TextKind.Identifier, TextLimits.Username) is null ? value : "unprintable";
}
