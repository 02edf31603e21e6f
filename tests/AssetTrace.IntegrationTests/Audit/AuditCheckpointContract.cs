using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary>
/// The attacks on the audit log that its hash chain alone cannot show, each by someone who can
/// write the database but does not hold the signing key (#11).
/// </summary>
public abstract class AuditCheckpointContract(StoreKind kind) : IAsyncLifetime
{
    private const int CheckpointEvery = 3;
    private CoreHarness _harness = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _settings = await TestDatabases.CreateAsync(kind);
        _settings["Demo:Load"] = "false";
        _settings["Audit:CheckpointEvery"] = CheckpointEvery.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _harness = await CoreHarness.StartAsync(_settings);
        foreach (var name in new[] { "A", "B", "C", "D", "E", "F", "G" })
        {
            await CreatePersonAsync(name);
        }
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        TestDatabases.Delete(_settings);
    }

    private AuditLog Log => _harness.Get<AuditLog>();

    private Task<Node> CreatePersonAsync(string name)
    {
        _harness.Clock.Advance(TimeSpan.FromMinutes(1));
        return _harness.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name }),
            new ProvenanceDraft(SourceKind.ManualEntry, null, null, UsageRestriction.Evidence), Id: name.ToLowerInvariant()), Viewer.System("analyst1"), default);
    }

    private async Task<List<AuditEntry>> EntriesAsync() =>
        [.. (await Log.ListAsync(null, null, 10_000, default)).OrderBy(e => e.Seq)];

    private async Task SqlAsync(string sql, params (string, object?)[] parameters)
    {
        await using var connection = await _harness.Get<Database>().OpenAsync(default);
        await connection.ExecuteAsync(null, sql, default, parameters);
    }

    private async Task ReplaceHeadAsync(AuditCheckpoint forged) =>
        await SqlAsync("""
            UPDATE audit_head SET seq = @seq, hash = @hash, signed_at = @at, key_fingerprint = @fingerprint, public_key = @key, signature = @signature
            """, ("seq", forged.Seq), ("hash", forged.Hash), ("at", forged.SignedAt), ("fingerprint", forged.KeyFingerprint),
            ("key", forged.PublicKey), ("signature", forged.Signature));

    /// <summary>Changes the actor of <paramref name="seq"/> and recomputes that hash and every later one, as SHA-256 needs no key.</summary>
    private async Task RewriteFromAsync(long seq, string actor)
    {
        string? previous = null;
        foreach (var entry in (await EntriesAsync()).Where(e => e.Seq >= seq))
        {
            previous ??= entry.PreviousHash;
            var who = entry.Seq == seq ? actor : entry.Actor;
            var hash = AuditHash.Compute(previous, entry.Seq, entry.At, who, entry.Action, entry.Entity, entry.Before, entry.After, entry.Reason);
            await SqlAsync("UPDATE audit_log SET actor = @actor, prev_hash = @prev, hash = @hash WHERE seq = @seq",
                ("actor", who), ("prev", previous), ("hash", hash), ("seq", entry.Seq));
            previous = hash;
        }
    }

    private static void AssertNames(AuditVerification verification, AuditProblemKind kind, long seq, string text)
    {
        Assert.False(verification.Intact);
        var problem = verification.Problems[0];
        Assert.True(problem.Kind == kind && problem.Seq == seq && problem.Message.Contains(text, StringComparison.Ordinal),
            $"expected {kind} at {seq} saying '{text}', got: {string.Join(" | ", verification.Problems)}");
    }

    [Fact]
    public async Task An_untouched_log_is_intact_and_checked_against_its_signed_head()
    {
        var last = (await EntriesAsync())[^1];

        var verification = await Log.VerifyAsync(default);

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(last.Seq, verification.Checkpoint!.Seq);
        Assert.Equal(last.Hash, verification.Checkpoint.Hash);
        Assert.Equal(_harness.Get<AuditSigningKey>().Fingerprint, verification.Checkpoint.KeyFingerprint);
    }

    [Fact]
    public async Task Verifying_while_changes_are_recorded_finds_nothing_wrong()
    {
        // The head and the log are read in one snapshot: read apart, an append landing between
        // the two reads looked like entries added without the key.
        using var done = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await CreatePersonAsync($"W{i}");
            }
            await done.CancelAsync();
        });
        var verifications = new List<AuditVerification>();
        while (!done.IsCancellationRequested)
        {
            verifications.Add(await Log.VerifyAsync(default));
        }
        await writer;

        Assert.NotEmpty(verifications);
        Assert.All(verifications, v => Assert.True(v.Intact, v.Problem));
    }

    [Fact]
    public async Task Deleting_the_newest_entry_is_named_as_a_truncation()
    {
        var last = (await EntriesAsync())[^1];
        await SqlAsync("DELETE FROM audit_log WHERE seq = @seq", ("seq", last.Seq));

        var verification = await Log.VerifyAsync(default);

        AssertNames(verification, AuditProblemKind.Truncated, last.Seq,
            $"the log ends at seq {last.Seq - 1} but the signed head (checkpoint of 2026-11-28 09:07:00Z) covers seq {last.Seq}");
    }

    [Fact]
    public async Task Changing_an_entry_and_recomputing_every_later_hash_is_named_as_a_rewrite()
    {
        var entries = await EntriesAsync();
        var target = entries.Single(e => e.Entity == "node/b");
        await RewriteFromAsync(target.Seq, "mallory");
        Assert.Equal("mallory", (await Log.ListAsync("node/b", null, 1, default)).Single().Actor);

        var verification = await Log.VerifyAsync(default);

        // Every link holds; the checkpoints kept after the change and the signed head no longer agree.
        Assert.Equal(entries.Count, verification.EntriesChecked);
        var firstKeptAfter = (target.Seq + CheckpointEvery - 1) / CheckpointEvery * CheckpointEvery;
        AssertNames(verification, AuditProblemKind.Rewritten, firstKeptAfter, $"the chain was rewritten up to entry {firstKeptAfter}");
        Assert.Contains(verification.Problems, p => p.Kind == AuditProblemKind.Rewritten && p.Seq == entries[^1].Seq && p.Message.Contains("the signed head", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_head_signed_with_another_key_is_named_as_forged()
    {
        var entries = await EntriesAsync();
        await SqlAsync("DELETE FROM audit_log WHERE seq = @seq", ("seq", entries[^1].Seq));
        using var otherKey = AuditSigningKey.LoadOrCreate(Path.Combine(_harness.TempFolder("mallory"), "keys", "mallory.pem"));
        await ReplaceHeadAsync(AuditCheckpoint.Sign(otherKey, entries[^2].Seq, entries[^2].Hash, _harness.Clock.GetUtcNow()));

        var verification = await Log.VerifyAsync(default);

        AssertNames(verification, AuditProblemKind.ForgedCheckpoint, entries[^2].Seq,
            $"is signed by key {otherKey.Fingerprint}, not by this server's key {_harness.Get<AuditSigningKey>().Fingerprint}");
    }

    [Fact]
    public async Task A_head_moved_back_without_a_new_signature_is_named_as_forged()
    {
        var entries = await EntriesAsync();
        await SqlAsync("DELETE FROM audit_log WHERE seq = @seq", ("seq", entries[^1].Seq));
        await SqlAsync("UPDATE audit_head SET seq = @seq, hash = @hash", ("seq", entries[^2].Seq), ("hash", entries[^2].Hash));

        var verification = await Log.VerifyAsync(default);

        AssertNames(verification, AuditProblemKind.ForgedCheckpoint, entries[^2].Seq, "does not verify under this server's key");
    }

    [Fact]
    public async Task Entries_added_after_the_signed_head_are_named()
    {
        var last = (await EntriesAsync())[^1];
        var at = last.At.AddMinutes(1);
        var hash = AuditHash.Compute(last.Hash, last.Seq + 1, at, "analyst1", "node.deleted", "node/a", null, null, "tidy up");
        await SqlAsync("""
            INSERT INTO audit_log (seq, at, actor, action, entity, before_state, after_state, reason, prev_hash, hash)
            VALUES (@seq, @at, 'analyst1', 'node.deleted', 'node/a', NULL, NULL, 'tidy up', @prev, @hash)
            """, ("seq", last.Seq + 1), ("at", at), ("prev", last.Hash), ("hash", hash));

        var verification = await Log.VerifyAsync(default);

        AssertNames(verification, AuditProblemKind.UnsignedEntries, last.Seq + 1, "added without the signing key");
    }

    [Fact]
    public async Task A_change_or_scheduled_checkpoint_after_a_cut_is_refused_so_the_cut_is_not_signed_over()
    {
        var last = (await EntriesAsync())[^1];
        await SqlAsync("DELETE FROM audit_log WHERE seq = @seq", ("seq", last.Seq));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => CreatePersonAsync("H"));

        Assert.Contains($"the log ends at seq {last.Seq - 1}", refused.Message, StringComparison.Ordinal);
        Assert.Null(await _harness.Get<GraphQueries>().GetNodeAsync(Viewer.System("test"), "h", default));
        await Assert.ThrowsAsync<ConflictException>(() => Log.KeepCheckpointAsync(default));
        AssertNames(await Log.VerifyAsync(default), AuditProblemKind.Truncated, last.Seq, $"covers seq {last.Seq}");
    }

    [Fact]
    public async Task A_checkpoint_is_kept_every_n_entries_and_on_schedule()
    {
        var last = (await EntriesAsync())[^1].Seq;
        await using var connection = await _harness.Get<Database>().OpenAsync(default);
        var kept = await _harness.Get<AuditCheckpointStore>().ListKeptAsync(connection, null, default);
        Assert.Equal(Enumerable.Range(1, (int)(last / CheckpointEvery)).Select(i => (long)i * CheckpointEvery), kept.Select(c => c.Seq));

        var scheduled = await Log.KeepCheckpointAsync(default);

        Assert.Equal(last % CheckpointEvery == 0 ? null : last, scheduled?.Seq);
        Assert.Contains(await _harness.Get<AuditCheckpointStore>().ListKeptAsync(connection, null, default), c => c.Seq == last);
        Assert.Null(await Log.KeepCheckpointAsync(default));
    }

    [Fact]
    public async Task The_server_keeps_the_head_for_good_every_interval()
    {
        if ((await EntriesAsync())[^1].Seq % CheckpointEvery == 0)
        {
            await CreatePersonAsync("H");
        }
        var last = (await EntriesAsync())[^1].Seq;
        using var worker = new AuditCheckpointWorker(Log, _harness.Get<IOptions<AuditOptions>>(), _harness.Clock, NullLogger<AuditCheckpointWorker>.Instance);
        await worker.StartAsync(default);
        try
        {
            _harness.Clock.Advance(TimeSpan.FromHours(1));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            await using var connection = await _harness.Get<Database>().OpenAsync(default);
            while (!(await _harness.Get<AuditCheckpointStore>().ListKeptAsync(connection, null, default)).Any(c => c.Seq == last))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no checkpoint of seq {last} was kept within 30 s of the interval passing");
                await Task.Delay(100);
            }
        }
        finally
        {
            await worker.StopAsync(default);
        }
    }

    [Fact]
    public async Task An_exported_checkpoint_shows_a_rollback_that_also_removed_the_checkpoint_rows()
    {
        var exported = AuditCheckpointFile.Write((await Log.SignedHeadAsync(default))!);
        var entries = await EntriesAsync();
        await using (var connection = await _harness.Get<Database>().OpenAsync(default))
        {
            // Roll the log back to an earlier checkpoint kept for good, whose signature is genuine,
            // and remove every trace after it: the store alone now looks like the log of that moment.
            var earlier = (await _harness.Get<AuditCheckpointStore>().ListKeptAsync(connection, null, default))[0];
            await SqlAsync("DELETE FROM audit_log WHERE seq > @seq", ("seq", earlier.Seq));
            await SqlAsync("DELETE FROM audit_checkpoints WHERE seq > @seq", ("seq", earlier.Seq));
            await ReplaceHeadAsync(earlier);
        }
        var storeAlone = await Log.VerifyAsync(default);
        Assert.True(storeAlone.Intact, "the limit this test is about: without an exported checkpoint a full rollback passes");

        var verification = await Log.VerifyAsync(default, AuditCheckpointFile.Read(exported, "checkpoint"));

        AssertNames(verification, AuditProblemKind.Truncated, CheckpointEvery + 1,
            $"the log ends at seq {CheckpointEvery} but the exported checkpoint of 2026-11-28 09:07:00Z covers seq {entries[^1].Seq}");
    }

    [Fact]
    public async Task Removing_the_signed_head_is_named_and_stops_changes()
    {
        await SqlAsync("DELETE FROM audit_head");

        AssertNames(await Log.VerifyAsync(default), AuditProblemKind.MissingHead, (await EntriesAsync())[^1].Seq, "its signed head is gone");
        await Assert.ThrowsAsync<ConflictException>(() => CreatePersonAsync("H"));
    }

    [Fact]
    public async Task A_log_older_than_its_key_is_sealed_at_the_next_start()
    {
        // A store from before signed checkpoints: entries, no head, no key.
        await SqlAsync("DELETE FROM audit_head");
        await SqlAsync("DELETE FROM audit_checkpoints");
        var keyPath = _harness.Get<AuditSigningKey>().Path;
        await _harness.DisposeAsync();
        File.Delete(keyPath);

        _harness = await CoreHarness.StartAsync(_settings);

        Assert.True(_harness.Get<AuditSigningKey>().Created);
        var verification = await Log.VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal((await EntriesAsync())[^1].Seq, verification.Checkpoint!.Seq);
        await CreatePersonAsync("H");
        Assert.True((await Log.VerifyAsync(default)).Intact);
    }
}

public sealed class SqliteAuditCheckpointTests() : AuditCheckpointContract(StoreKind.Sqlite);

public sealed class PostgresAuditCheckpointTests() : AuditCheckpointContract(StoreKind.Postgres);
