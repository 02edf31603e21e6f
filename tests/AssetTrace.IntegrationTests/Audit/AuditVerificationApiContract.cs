using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary><c>auditCheckpoint</c> and <c>auditVerification(checkpoint:)</c> over HTTP, on both stores.</summary>
public abstract class AuditVerificationApiContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task SqlAsync(string sql)
    {
        await using var connection = await _server.Services.GetRequiredService<Database>().OpenAsync(default);
        await connection.ExecuteAsync(null, sql, default);
    }

    [Fact]
    public async Task A_supervisor_checks_the_log_against_a_checkpoint_exported_before_it_was_cut()
    {
        var exported = (await _server.DataAsync("{ auditCheckpoint { seq keyFingerprint exported } }"))["auditCheckpoint"]!;
        var seq = long.Parse(exported["seq"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await SqlAsync($"DELETE FROM audit_log WHERE seq >= {seq - 1}");
        await SqlAsync("DELETE FROM audit_head");
        await SqlAsync("DELETE FROM audit_checkpoints");

        var data = await _server.DataAsync("""
            query($checkpoint: String) { auditVerification(checkpoint: $checkpoint) {
              intact firstBrokenSeq keyFingerprint problems { kind seq message } checkpoint { seq } } }
            """, new { checkpoint = exported["exported"]!.GetValue<string>() });

        var verification = data["auditVerification"]!;
        Assert.False(verification["intact"]!.GetValue<bool>());
        Assert.Equal(exported["keyFingerprint"]!.GetValue<string>(), verification["keyFingerprint"]!.GetValue<string>());
        Assert.Equal(seq.ToString(System.Globalization.CultureInfo.InvariantCulture), verification["checkpoint"]!["seq"]!.GetValue<string>());
        var problem = verification["problems"]![0]!;
        Assert.Equal("TRUNCATED", problem["kind"]!.GetValue<string>());
        Assert.Equal((seq - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), problem["seq"]!.GetValue<string>());
        Assert.Contains($"the log ends at seq {seq - 2} but the exported checkpoint of", problem["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(verification["problems"]!.AsArray(), p => p!["kind"]!.GetValue<string>() == "MISSING_HEAD");
    }

    [Fact]
    public async Task A_checkpoint_argument_that_is_not_an_export_is_bad_input()
    {
        var (_, body) = await _server.GraphQLAsync("""{ auditVerification(checkpoint: "{\"seq\": 3}") { intact } }""");

        var error = body["errors"]![0]!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("checkpoint", error["extensions"]!["data"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_supervisors_and_admins_read_the_checkpoint()
    {
        await _server.DataAsync("""mutation { createUser(input: { username: "analyst9", roles: [ANALYST], password: "a long enough password" }) { id } }""");
        var token = await _server.SignInFirstTimeAsync("analyst9", "a long enough password", "analyst nine's own password");

        var (_, body) = await _server.GraphQLAsync("{ auditCheckpoint { seq } }", token: token);

        Assert.Equal("FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

public sealed class SqliteAuditVerificationApiTests() : AuditVerificationApiContract(StoreKind.Sqlite);

public sealed class PostgresAuditVerificationApiTests() : AuditVerificationApiContract(StoreKind.Postgres);
