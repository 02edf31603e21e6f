namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>Paths of the fixture files in tests/fixtures, and of the shared sample data when it is there.</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(RepositoryRoot, "tests", "fixtures", relative);

    /// <summary>The shared sample data (../shared/data from the repository root), or null when this machine has none.</summary>
    public static string? SharedData(string relative)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data", relative));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AssetTrace.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No AssetTrace.sln above {AppContext.BaseDirectory}.");
    }
}
