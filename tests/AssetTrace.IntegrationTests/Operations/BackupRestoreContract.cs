using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AssetTrace.Cli;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Operations.Backup;
using AssetTrace.Requests.Deadlines;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// #19: <c>assettrace backup</c> of a store being written to, and <c>assettrace restore</c> into an empty
/// store of the other kind: every committed fact and audit entry comes back, nothing half-written does, the
/// audit log verifies against the checkpoint the backup carried; a damaged file or a non-empty store is
/// refused with nothing written. Runs SQLite to PostgreSQL and PostgreSQL to SQLite.
/// </summary>
public abstract class BackupRestoreContract(StoreKind from, StoreKind to) : IAsyncLifetime, IDisposable
{
    private readonly TestStores _stores = new();
    private readonly TempFolder _files = new();
    private CoreHarness _source = null!;
    private Dictionary<string, string?> _sourceSettings = null!;
    private Dictionary<string, string?> _targetSettings = null!;

    public async Task InitializeAsync()
    {
        _sourceSettings = await _stores.CreateAsync(from);
        _sourceSettings["Demo:Load"] = "true";
        _source = await CoreHarness.StartAsync(_sourceSettings);
        _targetSettings = await _stores.CreateAsync(to);
        // The old server's key, which a backup does not carry: the new store is told where it is.
        _targetSettings["Audit:SigningKeyPath"] = Path.Combine(_sourceSettings["Storage:DataDirectory"]!, "keys", "audit-signing.pem");
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();

    public void Dispose()
    {
        _files.Dispose();
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string[] Overrides(Dictionary<string, string?> settings) => [.. settings.Select(s => $"--{s.Key}={s.Value}")];

    private static ProvenanceDraft Typed => new(SourceKind.ManualEntry, "typed in a test", null, UsageRestriction.Evidence);

    [Fact]
    public async Task A_backup_taken_while_nodes_are_written_and_an_import_runs_restores_every_committed_fact_and_audit_entry_and_nothing_half_written()
    {
        // A request deadline in Quartz's tables (which Quartz, not the migrations, provisions).
        var scheduler = await _source.Get<ISchedulerFactory>().GetScheduler();
        await scheduler.ScheduleJob(JobBuilder.Create<RequestDeadlineJob>().WithIdentity("r-1", "request-deadlines").UsingJobData(RequestDeadlineJob.RequestIdKey, "r-1").Build(),
            TriggerBuilder.Create().WithIdentity("r-1:overdue", "request-deadlines").StartAt(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)).Build());
        var graph = _source.Get<GraphStore>();
        var written = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = $"Writer {written:D5}" }), Typed,
                    Id: $"w-{written:D5}"), Viewer.System("analyst1"), default);
                Interlocked.Increment(ref written);
            }
        });
        var import = Task.Run(() => _source.Get<InterchangeImporter>().ImportPathsAsync("bods", [Fixtures.Path("bods/0.4/bods-package.json")],
            new ImportOptions("importer1"), null, default));
        while (Volatile.Read(ref written) < 5)
        {
            await Task.Yield();
            await Task.Delay(1);
        }
        var file = _files["store.backup"];

        Assert.Equal(0, await CommandLine.RunAsync(["backup", file, .. Overrides(_sourceSettings)]));

        Assert.True((await import).Committed);
        var atBackup = Volatile.Read(ref written);
        while (Volatile.Read(ref written) < atBackup + 3)
        {
            await Task.Delay(1);
        }
        await stop.CancelAsync();
        await writer;

        Assert.Equal(0, await CommandLine.RunAsync(["restore", file, .. Overrides(_targetSettings)]));

        await using var target = StoreChoice.From(new ConfigurationBuilder().AddInMemoryCollection(_targetSettings).Build()).Open();
        var source = _source.Get<Database>();
        // The writer's nodes: a prefix of what it wrote, each with its audit entry, and fewer than were written in the end.
        var restoredWrites = await Texts(target, "SELECT id FROM nodes WHERE id LIKE 'w-%' ORDER BY id");
        Assert.NotEmpty(restoredWrites);
        Assert.True(restoredWrites.Count < Volatile.Read(ref written), "writes went on after the backup, so the backup holds fewer");
        Assert.Equal(Enumerable.Range(0, restoredWrites.Count).Select(i => $"w-{i:D5}"), restoredWrites);
        Assert.Equal(restoredWrites.Select(id => $"node/{id}"),
            await Texts(target, "SELECT entity FROM audit_log WHERE action = 'node.created' AND entity LIKE 'node/w-%' ORDER BY entity"));
        // The import: whole with its entry, or not at all.
        var imports = await Texts(target, "SELECT entity FROM audit_log WHERE action = 'import.completed'");
        var importedNodes = await Count(source, "SELECT COUNT(*) FROM nodes WHERE recorded_by = 'importer1'");
        Assert.True(importedNodes > 0);
        Assert.Equal(imports.Count == 0 ? 0 : importedNodes, await Count(target, "SELECT COUNT(*) FROM nodes WHERE recorded_by = 'importer1'"));
        Assert.Equal(imports.Count, (int)await Count(target, "SELECT COUNT(*) FROM import_runs WHERE outcome = 'completed'"));
        // Every restored node is the source's (same version, name, restriction, properties), and the demo case is all there.
        const string Nodes = "SELECT id || '|' || version || '|' || name || '|' || restriction || '|' || COALESCE(restricted_case, '') FROM nodes ORDER BY id";
        var sourceNodes = (await Texts(source, Nodes)).ToHashSet();
        var targetNodes = await Texts(target, Nodes);
        Assert.All(targetNodes, row => Assert.Contains(row, sourceNodes));
        Assert.Equal(sourceNodes.Count(n => !n.StartsWith("w-", StringComparison.Ordinal)) - (imports.Count == 0 ? importedNodes : 0),
            targetNodes.Count(n => !n.StartsWith("w-", StringComparison.Ordinal)));
        Assert.Equal(await Texts(source, "SELECT id || '|' || version || '|' || source_id || '|' || target_id FROM edges WHERE recorded_by <> 'importer1' ORDER BY id"),
            await Texts(target, "SELECT id || '|' || version || '|' || source_id || '|' || target_id FROM edges WHERE recorded_by <> 'importer1' ORDER BY id"));
        // The audit log: the source's chain entry for entry up to the backup, then only the restore's own entry.
        var targetChain = await Texts(target, "SELECT seq || '|' || hash || '|' || action FROM audit_log ORDER BY seq");
        Assert.EndsWith("|backup.restored", targetChain[^1], StringComparison.Ordinal);
        var sourceChain = await Texts(source, "SELECT seq || '|' || hash || '|' || action FROM audit_log ORDER BY seq");
        Assert.Equal(sourceChain.Take(targetChain.Count - 1), targetChain.Take(targetChain.Count - 1));
        Assert.Contains(sourceChain, e => e.EndsWith("|backup.created", StringComparison.Ordinal));
        Assert.Equal(["r-1:overdue"], await Texts(target, "SELECT trigger_name FROM qrtz_triggers"));
        // Instants and dates come back as the app reads them, in either store.
        Assert.Equal(await Texts(source, "SELECT id FROM cases ORDER BY id"), await Texts(target, "SELECT id FROM cases ORDER BY id"));
        // The restored store is a store of its own (#18): an analytics snapshot file of the source is not caught up on it.
        const string Identity = "SELECT value FROM store_identity";
        Assert.Single(await Texts(target, Identity));
        Assert.NotEqual(await Texts(source, Identity), await Texts(target, Identity));
        Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. Overrides(_targetSettings)]));
        // The restored store is one a server runs on: a new write takes the next number and is audited.
        await using var restored = await CoreHarness.StartAsync(_targetSettings);
        var node = await restored.Get<GraphStore>().CreateNodeAsync(new NodeDraft(NodeKind.Company, JsonSerializer.SerializeToElement(new { name = "After Restore Ltd" }), Typed),
            Viewer.System("analyst1"), default);
        Assert.Equal(1, node.Stamp.Version);
        Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. Overrides(_targetSettings)]));
    }

    [Fact]
    public async Task A_truncated_or_altered_backup_and_a_non_empty_store_are_refused_and_nothing_is_written()
    {
        var file = _files["store.backup"];
        Assert.Equal(0, await CommandLine.RunAsync(["backup", file, .. Overrides(_sourceSettings)]));
        Assert.Equal(2, await CommandLine.RunAsync(["backup", file, .. Overrides(_sourceSettings)]));
        var bytes = await File.ReadAllBytesAsync(file);

        var truncated = _files["truncated.backup"];
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 2 / 3)]);
        var cut = await Assert.ThrowsAsync<UserInputException>(() => BackupContents.ReadAsync(truncated, default));
        Assert.Contains("cut short", cut.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CommandLine.RunAsync(["restore", truncated, .. Overrides(_targetSettings)]));
        await AssertTargetUntouchedAsync();

        // One name changed inside the content, recompressed: gzip is whole, the checksum is not.
        var altered = _files["altered.backup"];
        var text = await Decompress(bytes);
        Assert.Contains("Akhmetov", text, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(altered, Compress(ReplaceFirst(text, "Akhmetov", "Akhmetow")));
        var changed = await Assert.ThrowsAsync<UserInputException>(() => BackupContents.ReadAsync(altered, default));
        Assert.Contains("altered", changed.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CommandLine.RunAsync(["restore", altered, .. Overrides(_targetSettings)]));
        await AssertTargetUntouchedAsync();

        // A byte flipped in the compressed file.
        var flipped = _files["flipped.backup"];
        var copy = bytes.ToArray();
        copy[copy.Length / 2] ^= 0x5a;
        await File.WriteAllBytesAsync(flipped, copy);
        Assert.Equal(2, await CommandLine.RunAsync(["restore", flipped, .. Overrides(_targetSettings)]));
        await AssertTargetUntouchedAsync();

        // The source itself is not empty: refused, and its audit log did not move.
        var sourceEntries = await Count(_source.Get<Database>(), "SELECT COUNT(*) FROM audit_log");
        Assert.Equal(2, await CommandLine.RunAsync(["restore", file, .. Overrides(_sourceSettings)]));
        Assert.Equal(sourceEntries, await Count(_source.Get<Database>(), "SELECT COUNT(*) FROM audit_log"));

        // Without the old server's signing key every checkpoint would read as forged: refused before a key is made.
        var withoutKey = new Dictionary<string, string?>(_targetSettings);
        withoutKey.Remove("Audit:SigningKeyPath");
        Assert.Equal(2, await CommandLine.RunAsync(["restore", file, .. Overrides(withoutKey)]));
        await AssertTargetUntouchedAsync();
        Assert.False(File.Exists(Path.Combine(_targetSettings["Storage:DataDirectory"]!, "keys", "audit-signing.pem")));

        // The whole file restores.
        Assert.Equal(0, await CommandLine.RunAsync(["restore", file, .. Overrides(_targetSettings)]));
    }

    private async Task AssertTargetUntouchedAsync()
    {
        await using var target = StoreChoice.From(new ConfigurationBuilder().AddInMemoryCollection(_targetSettings).Build()).Open();
        Assert.Empty(await target.ReadAsync(c => StoreCatalogue.ReadAsync(c, null, to, default), default));
    }

    private static Task<List<string>> Texts(Database database, string sql) =>
        database.ReadAsync(c => c.QueryAsync(null, sql, r => r.GetString(0), default), default);

    private static Task<long> Count(Database database, string sql) =>
        database.ReadAsync(c => c.ScalarAsync<long>(null, sql, default), default);

    private static async Task<string> Decompress(byte[] bytes)
    {
        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static byte[] Compress(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        return output.ToArray();
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }
}

public sealed class SqliteToPostgresBackupRestore() : BackupRestoreContract(StoreKind.Sqlite, StoreKind.Postgres);

public sealed class PostgresToSqliteBackupRestore() : BackupRestoreContract(StoreKind.Postgres, StoreKind.Sqlite);
