using AssetTrace.Cli;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary><c>assettrace audit verify</c> against a real store: 0 while intact, 1 once a row was altered.</summary>
public sealed class AuditVerifyCommandTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_command_fails_once_an_audit_row_is_altered_in_the_database(StoreKind kind)
    {
        var settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        string[] overrides = [.. settings.Select(s => $"--{s.Key}={s.Value}")];
        await using (var harness = await ServerHarness.StartAsync(settings))
        {
            Assert.Equal(0, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
            await using var connection = await harness.Services.GetRequiredService<Database>().OpenAsync(default);
            await connection.ExecuteAsync(null, "UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3", default);
        }

        Assert.Equal(1, await CommandLine.RunAsync(["audit", "verify", .. overrides]));
    }
}
