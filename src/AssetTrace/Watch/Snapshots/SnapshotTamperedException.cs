namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// A snapshot's stored body no longer hashes to the SHA-256 it was stored under (#15): someone changed it
/// in the database after it was fetched. What may become evidence is then never served or used as if it
/// were what the crawler saw; the message names the snapshot, its address and both hashes.
/// </summary>
public sealed class SnapshotTamperedException(Snapshot snapshot, string? actualSha256)
    : Exception(actualSha256 is null
        ? $"Snapshot {snapshot.Id} ({snapshot.Url}): its body {snapshot.Sha256} is missing from the store."
        : $"Snapshot {snapshot.Id} ({snapshot.Url}): the stored body hashes to {actualSha256}, not {snapshot.Sha256}; it was changed after it was fetched and is not used.")
{
    public Snapshot Snapshot { get; } = snapshot;

    /// <summary>The hash of what is stored now; null when the body is gone.</summary>
    public string? ActualSha256 { get; } = actualSha256;
}
