using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary>Every change is in the audit log, and tampering with a stored entry is detected.</summary>
public abstract class AuditLogContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await CoreHarness.StartAsync(kind);
        var store = _harness.Get<GraphStore>();
        var provenance = new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence);
        await store.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = "A" }), provenance, Id: "a"), Viewer.System("analyst1"), default);
        await store.CreateNodeAsync(new NodeDraft(NodeKind.Company, JsonSerializer.SerializeToElement(new { name = "B" }), provenance, Id: "b"), Viewer.System("analyst1"), default);
        await store.CreateEdgeAsync(new EdgeDraft(EdgeKind.Owns, "a", "b", JsonSerializer.SerializeToElement(new { share = 50 }), provenance, Id: "ab"), Viewer.System("analyst1"), default);
        await store.UpdateEdgeAsync(new Patch("ab", "corrected share", JsonSerializer.SerializeToElement(new { share = 55 })), Viewer.System("analyst2"), default);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private AuditLog Log => _harness.Get<AuditLog>();

    private async Task TamperAsync(string sql)
    {
        await using var connection = await _harness.Get<Database>().OpenAsync(default);
        await connection.ExecuteAsync(null, sql, default);
    }

    [Fact]
    public async Task Every_change_is_logged_with_actor_before_and_after()
    {
        var entries = await Log.ListAsync("edge/ab", null, 10, default);

        Assert.Equal(["edge.updated", "edge.created"], entries.Select(e => e.Action));
        var update = entries[0];
        Assert.Equal("analyst2", update.Actor);
        Assert.Equal("corrected share", update.Reason);
        Assert.Contains("\"share\":50", update.Before, StringComparison.Ordinal);
        Assert.Contains("\"share\":55", update.After, StringComparison.Ordinal);
        var verification = await Log.VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Altering_an_entry_is_detected_at_that_entry()
    {
        // Users and the admin created at start come first; find the entry about node b.
        var target = (await Log.ListAsync("node/b", null, 1, default)).Single().Seq;
        await TamperAsync($"UPDATE audit_log SET actor = 'mallory' WHERE seq = {target}");

        var verification = await Log.VerifyAsync(default);

        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenSeq);
        Assert.Contains("altered", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_entry_is_detected()
    {
        var target = (await Log.ListAsync("node/b", null, 1, default)).Single().Seq;
        await TamperAsync($"DELETE FROM audit_log WHERE seq = {target}");

        var verification = await Log.VerifyAsync(default);

        Assert.False(verification.Intact);
        Assert.Equal(target, verification.FirstBrokenSeq);
    }

    [Fact]
    public async Task Rewriting_an_entry_and_its_hash_breaks_the_next_link()
    {
        var target = (await Log.ListAsync("node/b", null, 1, default)).Single();
        var forged = AuditHash.Compute(target.PreviousHash, target.Seq, target.At, "mallory", target.Action, target.Entity, target.Before, target.After, target.Reason);
        await TamperAsync($"UPDATE audit_log SET actor = 'mallory', hash = '{forged}' WHERE seq = {target.Seq}");

        var verification = await Log.VerifyAsync(default);

        Assert.False(verification.Intact);
        Assert.Equal(target.Seq + 1, verification.FirstBrokenSeq);
    }
}

public sealed class SqliteAuditLogTests() : AuditLogContract(StoreKind.Sqlite);

public sealed class PostgresAuditLogTests() : AuditLogContract(StoreKind.Postgres);
