namespace AssetTrace.Cli;

/// <summary>
/// The directory the user typed the command in: relative paths on the command line are read against it,
/// not against the content root or the process's working directory. <c>dotnet run</c> starts the program
/// in src/AssetTrace/ (RunWorkingDirectory, so data/ stays beside the project), and so names the user's
/// directory first with <c>--started-in DIR</c> (RunArguments in AssetTrace.csproj), which is taken off
/// before the command line is parsed. A published binary is started where the user is, and needs none.
/// </summary>
public sealed record StartDirectory(string Path)
{
    public const string Option = "--started-in";

    /// <summary>The start directory and the arguments without a leading <c>--started-in DIR</c>.</summary>
    public static (StartDirectory Start, string[] Arguments) Take(string[] args, string currentDirectory) =>
        args is [Option, var directory, .. var rest]
            ? (new StartDirectory(System.IO.Path.GetFullPath(directory, currentDirectory)), rest)
            : (new StartDirectory(currentDirectory), args);

    /// <summary>An absolute path stays as it is; a relative one is read against the start directory.</summary>
    public string Resolve(string path) => System.IO.Path.GetFullPath(path, Path);
}
