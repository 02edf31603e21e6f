namespace AssetTrace.Watch.Runs;

/// <summary>
/// One crawl of a source (#15): its counts and the latest errors. A run still "running" when no
/// server runs it was cut by a crash or a stop, and the next start of its source goes on with it.
/// </summary>
/// <param name="Fetched">Pages asked for, whatever came back.</param>
/// <param name="Unchanged">Answered 304, or with the very body of the page's last snapshot: not processed again.</param>
/// <param name="Changed">New or changed pages: snapshotted, read and matched.</param>
public sealed record WatchRun(
    string Id,
    string Source,
    DateTimeOffset StartedAt,
    string StartedBy,
    DateTimeOffset? FinishedAt,
    string Status,
    int Fetched,
    int Unchanged,
    int Changed,
    int Failed,
    int Leads,
    IReadOnlyList<string> Errors)
{
    public const string Running = "running";
    public const string Finished = "finished";
}

/// <summary>A source with its state: whether it is paused, and its latest run.</summary>
public sealed record WatchSourceState(Sources.WatchSource Source, bool Paused, WatchRun? LatestRun);
