namespace AssetTrace.Analytics.Engine.Files;

/// <summary>A snapshot file that cannot be used (another store, another format, damaged, ahead of the store): it is deleted and the graph read from the store (#18).</summary>
public sealed class SnapshotFileRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
