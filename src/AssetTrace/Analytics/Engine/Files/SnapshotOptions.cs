namespace AssetTrace.Analytics.Engine.Files;

/// <summary>Section "Analytics:Snapshot" of the configuration: the snapshot file and warming (#18).</summary>
public sealed class SnapshotOptions
{
    /// <summary>Whether the server keeps the snapshot in a file beside the store and reads it at start.</summary>
    public bool File { get; set; } = true;

    /// <summary>
    /// The file's folder: by default Storage:DataDirectory (the SQLite file's folder). Each server keeps its own
    /// file, so servers sharing one PostgreSQL give each its own folder (they may share one: the file is named by
    /// the store it is of and replaced whole, but each then rewrites the other's).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The file is written after a load from the store, and after changes at most once in this many seconds.</summary>
    public double SaveIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// How long an analytics question waits for a first load before it is answered "warming" with the
    /// progress; none: it waits for the load (the shell, where nobody else is served meanwhile).
    /// </summary>
    public double? WarmingWaitSeconds { get; set; } = 3;

    public string? FilePath(string dataDirectory) =>
        File ? Path.GetFullPath(Path.Combine(Directory ?? dataDirectory, SnapshotFileFormat.FileName)) : null;
}
