using System.CommandLine;

namespace AssetTrace.Cli;

/// <summary><c>assettrace export &lt;format&gt; &lt;output&gt;</c>.</summary>
public static class ExportCommands
{
    public static Command Create() => new("export", "Export the graph, a case or a neighbourhood.");
}
