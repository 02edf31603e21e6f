using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// #19: <c>/health/live</c> needs no sign-in; <c>/health/ready</c> tells everyone the overall status and only
/// an admin each check's detail (store and migrations, analytics graph, mail outbox, scheduler), never a
/// secret or a fact; a stuck outbox makes it Degraded.
/// </summary>
public abstract class HealthEndpointContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path, string? token)
    {
        using var client = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Live_needs_no_sign_in_and_ready_shows_its_checks_to_an_admin_only_without_secrets_or_facts()
    {
        var admin = _server.Client.DefaultRequestHeaders.Authorization!.Parameter;
        await _server.Services.GetRequiredService<AccountStore>().CreateUserAsync("analyst9", "Analyst", [Role.Analyst], "analyst-password-9", "test", default);
        var analyst = await _server.SignInAsync("analyst9", "analyst-password-9");
        // An analytics question loads the graph into memory, so the check has something to report.
        await _server.DataAsync("{ beneficialOwners(id: \"demo-flat-london\") { name } }");

        var live = await GetAsync("/health/live", null);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Body);

        foreach (var token in new[] { null, analyst })
        {
            var (status, body) = await GetAsync("/health/ready", token);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("""{"status":"Healthy"}""", body);
        }

        var detail = await GetAsync("/health/ready", admin);
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        var checks = JsonNode.Parse(detail.Body)!["checks"]!.AsObject();
        Assert.Equal(["analytics", "mail-outbox", "scheduler", "store"], checks.Select(c => c.Key).Order());
        Assert.All(checks, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
        Assert.Equal("loaded", checks["analytics"]!["description"]!.GetValue<string>());
        Assert.True(checks["analytics"]!["data"]!["nodes"]!.GetValue<int>() > 0);
        Assert.Equal(checks["store"]!["data"]!["expectedSchemaVersion"]!.GetValue<int>(), checks["store"]!["data"]!["schemaVersion"]!.GetValue<int>());
        foreach (var secret in new[] { "assettrace-test", "Password", "Akhmetov", "Ахметов", admin!, "127.0.0.1" })
        {
            Assert.DoesNotContain(secret, detail.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_message_late_in_the_outbox_makes_ready_degraded_and_names_the_outbox_to_an_admin()
    {
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await _server.Services.GetRequiredService<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, """
            INSERT INTO mail_outbox (message_id, request_id, reply_token, sender, recipients, subject, mime, status, attempts, next_attempt_at, created_at)
            VALUES ('<late@test>', 'r-late', 'tok-late', 'desk@assettrace.test', 'partner@carin.example.test', 'late', @mime, 'queued', 3, @at, @at)
            """, default, ("mime", "x"u8.ToArray()), ("at", hourAgo)), default);

        Assert.Equal("""{"status":"Degraded"}""", (await GetAsync("/health/ready", null)).Body);
        var detail = JsonNode.Parse((await GetAsync("/health/ready", _server.Client.DefaultRequestHeaders.Authorization!.Parameter)).Body)!;
        Assert.Equal("Degraded", detail["status"]!.GetValue<string>());
        Assert.Equal("Degraded", detail["checks"]!["mail-outbox"]!["status"]!.GetValue<string>());
        Assert.Equal(1, detail["checks"]!["mail-outbox"]!["data"]!["late"]!.GetValue<int>());
        Assert.Equal("Healthy", detail["checks"]!["store"]!["status"]!.GetValue<string>());
    }
}

public sealed class SqliteHealthEndpoint() : HealthEndpointContract(StoreKind.Sqlite);

public sealed class PostgresHealthEndpoint() : HealthEndpointContract(StoreKind.Postgres);
