using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Graph;

/// <summary>
/// The change counter read once for the requests of the last 100 ms (#14): a change made through this server shows at
/// once, one made by another process (another server, the shell) once the kept value is older than its age, and
/// requests that ask together share one store read. Two sets of core services on one store stand for two processes;
/// on both stores.
/// </summary>
public abstract class RecentGraphVersionContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
    private Dictionary<string, string?> _settings = null!;
    private CoreHarness _server = null!;
    private CoreHarness _otherProcess = null!;
    private int _written;

    public async Task InitializeAsync()
    {
        _settings = await TestDatabases.CreateAsync(kind);
        _settings["Demo:Load"] = "false";
        _server = await CoreHarness.StartAsync(_settings);
        _otherProcess = await CoreHarness.StartAsync(_settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _otherProcess.DisposeAsync();
        TestDatabases.Delete(_settings);
    }

    private RecentGraphVersion Counter(TimeSpan maxAge) => new(_server.Get<Database>(), _clock, maxAge);

    [Fact]
    public async Task Another_process_change_shows_once_the_kept_value_is_as_old_as_its_age()
    {
        var counter = Counter(MaxAge);
        var before = await counter.CurrentAsync(default);

        await WriteAsync(_otherProcess);
        var soon = await counter.CurrentAsync(default);
        _clock.Advance(MaxAge - TimeSpan.FromMilliseconds(1));
        var justInside = await counter.CurrentAsync(default);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await counter.CurrentAsync(default);

        Assert.Equal(before, soon);
        Assert.Equal(before, justInside);
        Assert.True(after > before, $"the other process's change (counter {after}) did not show after {MaxAge.TotalMilliseconds} ms; kept {before}");
        Assert.Equal(await GraphVersion.CurrentAsync(_server.Get<Database>(), default), after);
        Assert.Equal(2, counter.StoreReads);
    }

    [Fact]
    public async Task This_servers_own_change_shows_at_once()
    {
        var counter = Counter(MaxAge);
        var before = await counter.CurrentAsync(default);

        await WriteAsync(_server);
        var after = await counter.CurrentAsync(default);

        Assert.True(after > before, $"this server's change did not show at once: still {after}");
        Assert.Equal(await GraphVersion.CurrentAsync(_server.Get<Database>(), default), after);
        // Kept again once read: the next request does not go to the store.
        Assert.Equal(after, await counter.CurrentAsync(default));
        Assert.Equal(2, counter.StoreReads);
    }

    [Fact]
    public async Task Requests_that_ask_together_share_one_store_read()
    {
        var counter = Counter(MaxAge);
        await WriteAsync(_server);

        var values = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => counter.CurrentAsync(default))));

        Assert.Single(values.Distinct());
        Assert.Equal(await GraphVersion.CurrentAsync(_server.Get<Database>(), default), values[0]);
        Assert.Equal(1, counter.StoreReads);
    }

    [Fact]
    public async Task With_no_age_every_request_reads_the_store()
    {
        var counter = Counter(TimeSpan.Zero);
        var before = await counter.CurrentAsync(default);

        await WriteAsync(_otherProcess);
        var after = await counter.CurrentAsync(default);

        Assert.True(after > before);
        Assert.Equal(2, counter.StoreReads);
    }

    private async Task WriteAsync(CoreHarness process)
    {
        var name = JsonSerializer.SerializeToElement(new { name = $"Counter Test Person {Interlocked.Increment(ref _written)}" });
        await process.Get<GraphStore>().CreateNodeAsync(
            new NodeDraft(NodeKind.Person, name, new ProvenanceDraft(SourceKind.ManualEntry, "counter test", null, UsageRestriction.Evidence)),
            Viewer.System("counter-test"), default);
    }
}

public sealed class SqliteRecentGraphVersionTests() : RecentGraphVersionContract(StoreKind.Sqlite);

public sealed class PostgresRecentGraphVersionTests() : RecentGraphVersionContract(StoreKind.Postgres);
