using AssetTrace.Storage;

namespace AssetTrace.Graph.Store;

/// <summary>
/// The graph's change counter as the in-memory readers (the name index, the analytics snapshot and cache) ask
/// for it before each request: one store read shared by the requests that ask within <see cref="MaxAge"/> of it,
/// and by all that ask while it is under way, instead of one round trip per request (#14, #18).
/// </summary>
/// <remarks>
/// What it allows: a change committed by another process (another server on the same PostgreSQL, the shell)
/// is seen at most <see cref="MaxAge"/> plus one read's time late, well inside #18's "visible within one
/// second". A change this server committed is seen at once: a kept value is dropped as soon as
/// <see cref="Database.CommittedWrites"/> moves, and a read is only shared with a caller when no commit
/// finished since it started, so a user always finds what they have just written.
/// </remarks>
public sealed class RecentGraphVersion(Database database, TimeProvider clock, TimeSpan maxAge)
{
    /// <summary>The default <see cref="MaxAge"/>: at 16 clients a request arrives every few milliseconds, so most share a read.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromMilliseconds(100);

    /// <summary>The configuration key of <see cref="MaxAge"/>, in milliseconds; 0 reads the counter for every request.</summary>
    public const string MaxAgeKey = "AssetTrace:Graph:ChangeCounterMaxAgeMs";

    private readonly Lock _gate = new();
    private Kept? _last;
    private Reading? _underWay;
    private long _storeReads;

    public TimeSpan MaxAge { get; } = maxAge;

    /// <summary>Store reads of the counter made so far: what the sharing saves shows against the requests served.</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    /// <summary>A value of the counter no older than <see cref="MaxAge"/> that includes every commit this process made before the call.</summary>
    public Task<long> CurrentAsync(CancellationToken ct)
    {
        if (MaxAge <= TimeSpan.Zero)
        {
            Interlocked.Increment(ref _storeReads);
            return GraphVersion.CurrentAsync(database, ct);
        }
        var writes = database.CommittedWrites;
        Reading reading;
        var start = false;
        lock (_gate)
        {
            if (_last is { } last && last.Writes == writes && clock.GetElapsedTime(last.StartedAt) < MaxAge)
            {
                return Task.FromResult(last.Version);
            }
            if (_underWay is { } running && running.Writes == writes)
            {
                reading = running;
            }
            else
            {
                reading = new Reading(writes, clock.GetTimestamp());
                _underWay = reading;
                start = true;
            }
        }
        if (start)
        {
            _ = ReadAsync(reading);
        }
        // The shared read runs on its own: a caller that gives up stops waiting for it, not the others.
        return reading.Done.Task.WaitAsync(ct);
    }

    private async Task ReadAsync(Reading reading)
    {
        Interlocked.Increment(ref _storeReads);
        long version;
        try
        {
            version = await GraphVersion.CurrentAsync(database, CancellationToken.None);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_underWay == reading)
                {
                    _underWay = null;
                }
            }
            reading.Done.SetException(e);
            return;
        }
        lock (_gate)
        {
            if (_underWay == reading)
            {
                _underWay = null;
            }
            // Keep the read that started last: an older one finishing late must not replace it.
            if (_last is null || _last.StartedAt <= reading.StartedAt)
            {
                _last = new Kept(version, reading.Writes, reading.StartedAt);
            }
        }
        reading.Done.SetResult(version);
    }

    /// <param name="Writes">This process's <see cref="Database.CommittedWrites"/> when the read started.</param>
    private sealed record Kept(long Version, long Writes, long StartedAt);

    private sealed class Reading(long writes, long startedAt)
    {
        public long Writes { get; } = writes;

        public long StartedAt { get; } = startedAt;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
