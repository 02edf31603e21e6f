using System.Text.Json.Nodes;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Cli;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary>
/// <c>assettrace audit verify</c> and <c>audit checkpoint export</c> against a real store: 0 while
/// intact, 1 once the log was altered, cut or rolled back, 2 when nothing could be checked.
/// </summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private async Task<(Dictionary<string, string?> Settings, string[] Overrides)> StoreAsync(StoreKind kind, int checkpointEvery = 1000)
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Audit:CheckpointEvery"] = checkpointEvery.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (settings, [.. settings.Select(s => $"--{s.Key}={s.Value}")]);
    }

    private static async Task SqlAsync(ServerHarness harness, string sql)
    {
        await using var connection = await harness.Services.GetRequiredService<Database>().OpenAsync(default);
        await connection.ExecuteAsync(null, sql, default);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_command_fails_once_an_audit_row_is_altered_in_the_database(StoreKind kind)
    {
        var (settings, overrides) = await StoreAsync(kind);
        await using (var harness = await ServerHarness.StartAsync(settings))
        {
            Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
            await SqlAsync(harness, "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3");
        }

        Assert.Equal(1, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_command_fails_once_the_newest_entry_is_deleted(StoreKind kind)
    {
        var (settings, overrides) = await StoreAsync(kind);
        await using (var harness = await ServerHarness.StartAsync(settings))
        {
            await SqlAsync(harness, "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        }

        Assert.Equal(1, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_exported_checkpoint_catches_a_rollback_the_store_alone_cannot_show(StoreKind kind)
    {
        var (settings, overrides) = await StoreAsync(kind, checkpointEvery: 5);
        var file = Path.Combine(settings["Storage:DataDirectory"]!, "kept-elsewhere.json");
        await using (var harness = await ServerHarness.StartAsync(settings))
        {
            Assert.Equal(0, await CommandLine.RunAsync(["audit", "checkpoint", "export", file, .. overrides]));
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
            var head = (await harness.Services.GetRequiredService<AssetTrace.Audit.AuditLog>().SignedHeadAsync(default))!;
            Assert.Equal(head.Seq, exported["seq"]!.GetValue<long>());
            Assert.Equal(head.Hash, exported["hash"]!.GetValue<string>());
            Assert.Equal(harness.Services.GetRequiredService<AuditSigningKey>().Fingerprint, exported["keyFingerprint"]!.GetValue<string>());
            Assert.Equal(head.Signature, exported["signature"]!.GetValue<string>());
            Assert.Equal(AssetTrace.Audit.AuditHash.Canonical(head.SignedAt), exported["signedAt"]!.GetValue<string>());

            // Back to the first checkpoint kept for good, with every later entry and checkpoint gone.
            await SqlAsync(harness, "DELETE FROM audit_log WHERE seq > 5");
            await SqlAsync(harness, "DELETE FROM audit_checkpoints WHERE seq > 5");
            await SqlAsync(harness, """
                UPDATE audit_head SET seq = k.seq, hash = k.hash, signed_at = k.signed_at, signature = k.signature
                FROM (SELECT seq, hash, signed_at, signature FROM audit_checkpoints WHERE seq = 5) AS k
                """);
        }

        Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
        Assert.Equal(1, await CommandLine.RunAsync(["audit", "verify", "--checkpoint", file, .. overrides]));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_log_from_before_signed_checkpoints_verified_before_the_first_start_is_sealed_not_condemned(StoreKind kind)
    {
        var (settings, overrides) = await StoreAsync(kind);
        string keyPath;
        await using (var harness = await ServerHarness.StartAsync(settings))
        {
            keyPath = harness.Services.GetRequiredService<AuditSigningKey>().Path;
            await SqlAsync(harness, "DELETE FROM audit_head");
            await SqlAsync(harness, "DELETE FROM audit_checkpoints");
        }
        File.Delete(keyPath);

        Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. overrides]));

        await using var restarted = await ServerHarness.StartAsync(settings);
        await restarted.DataAsync("""mutation { createUser(input: { username: "after-upgrade", roles: [ANALYST], password: "a long enough password" }) { id } }""");
        Assert.True((await restarted.Services.GetRequiredService<AssetTrace.Audit.AuditLog>().VerifyAsync(default)).Intact);
    }

    [Theory]
    [InlineData("{\"format\": \"something else\"}")]
    [InlineData("not json")]
    public async Task A_checkpoint_file_that_is_not_one_checks_nothing(string content)
    {
        var (settings, overrides) = await StoreAsync(StoreKind.Sqlite);
        var file = Path.Combine(settings["Storage:DataDirectory"]!, "checkpoint.json");
        await File.WriteAllTextAsync(file, content);

        Assert.Equal(2, await CommandLine.RunAsync(["audit", "verify", "--checkpoint", file, .. overrides]));
        Assert.Equal(2, await CommandLine.RunAsync(["audit", "verify", "--checkpoint", file + ".missing", .. overrides]));
    }
}
