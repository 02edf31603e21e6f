using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>The first load's use of the snapshot file (#18): the snapshot it holds, or none, and a file that cannot be used is deleted.</summary>
internal static class SnapshotFileStart
{
    /// <returns>The snapshot from the file; null when there is none or it cannot be used (then it is deleted, so it is written anew).</returns>
    public static GraphSnapshot? TryRead(string? path, StoreKind store, string storeIdentity, long storeVersion, SnapshotStatus status, ILogger logger, CancellationToken ct)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }
        try
        {
            return SnapshotFileReader.Read(path, store, storeIdentity, header =>
            {
                if (header.Version > storeVersion)
                {
                    // The store's counter is behind the file's: not the history the file was written from.
                    throw new SnapshotFileRejectedException($"{path} is at change {header.Version}, ahead of the store at {storeVersion}");
                }
                status.ReadingFrom(SnapshotProvider.FromFile, (long)header.Nodes + header.Edges);
            }, status.RowRead, ct);
        }
        catch (SnapshotFileRejectedException e)
        {
            logger.LogWarning("The analytics snapshot file is not used and is deleted; the graph is read from the database instead: {Reason}", e.Message);
            try
            {
                File.Delete(path);
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(failed, "Could not delete {Path}", path);
            }
            return null;
        }
    }
}
