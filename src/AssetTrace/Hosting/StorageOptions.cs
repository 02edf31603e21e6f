namespace AssetTrace.Hosting;

/// <summary>
/// Which store to use. With <c>ConnectionStrings:Graph</c> set, PostgreSQL; without it, the
/// embedded SQLite file <c>{DataDirectory}/assettrace.db</c>, created on first run.
/// </summary>
public sealed class StorageOptions
{
    public string DataDirectory { get; set; } = "data";

    public string SqliteFile => Path.Combine(DataDirectory, "assettrace.db");
}
