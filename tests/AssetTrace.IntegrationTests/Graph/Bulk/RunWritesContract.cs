using AssetTrace.Graph.Store.Bulk;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Graph.Bulk;

/// <summary>What an import run may skip asking the store: only keys it never wrote, and only while the store held nothing of the format.</summary>
public abstract class RunWritesContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    private Database Db => _harness.Get<Database>();

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private Task<RunWrites> OpenAsync(string format) => Db.WriteAsync((c, t) => RunWrites.OpenAsync(c, t, format, default), default);

    [Fact]
    public async Task In_a_store_without_the_format_only_what_the_run_wrote_may_exist()
    {
        var writes = await OpenAsync("icij");
        var written = Enumerable.Range(0, 50_000).Select(i => $"icij:{i}").ToList();
        Assert.All(written, key => Assert.False(writes.MayExist(key)));

        foreach (var key in written)
        {
            writes.Wrote(key);
        }

        // A Bloom filter may say "maybe" for a key never written, never "no" for one that was.
        Assert.All(written, key => Assert.True(writes.MayExist(key)));
        var unwritten = Enumerable.Range(50_000, 50_000).Count(i => writes.MayExist($"icij:{i}"));
        Assert.True(unwritten < 50, $"{unwritten} of 50,000 keys never written were taken as maybe written");
    }

    [Fact]
    public async Task Once_the_store_holds_a_record_node_or_edge_of_the_format_every_key_may_exist()
    {
        await Db.WriteAsync((c, t) => c.ExecuteAsync(t, """
            INSERT INTO interchange_records (record_key, entity_type, entity_id, owns, first_run, last_run)
            VALUES ('bods:abc', 'node', 'bods:abc', true, 'run1', 'run1')
            """, default), default);

        var bods = await OpenAsync("bods");
        var other = await OpenAsync("icij");

        Assert.True(bods.MayExist("bods:never-written"));
        // Another format's keys sort elsewhere: "bodsx:" and "bod:" are not "bods:".
        Assert.False(other.MayExist("icij:never-written"));
        Assert.False((await OpenAsync("bod")).MayExist("bod:never-written"));
        Assert.False((await OpenAsync("bodsx")).MayExist("bodsx:never-written"));
    }
}

public sealed class SqliteRunWritesTests() : RunWritesContract(StoreKind.Sqlite);

public sealed class PostgresRunWritesTests() : RunWritesContract(StoreKind.Postgres);
