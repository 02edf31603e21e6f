namespace AssetTrace.Analytics.Engine;

/// <summary>
/// An analytics question asked while the graph is still being read into memory (#18): the answer is
/// "warming, N of M rows read, ask again shortly", not a request that hangs for the whole load.
/// </summary>
public sealed class SnapshotWarmingException(SnapshotStatus status) : Exception(Describe(status))
{
    public string? LoadingFrom { get; } = status.Source;

    public long RowsRead { get; } = status.RowsRead;

    public long? RowsTotal { get; } = status.RowsTotal;

    private static string Describe(SnapshotStatus status)
    {
        var of = status.RowsTotal is { } total ? $" of {total}" : "";
        var from = status.Source is { } source ? $" from the {source}" : "";
        return $"The analytics graph is being read into memory{from} after a start ({status.RowsRead}{of} rows so far): ask again in a few seconds. Other questions are answered meanwhile.";
    }
}
