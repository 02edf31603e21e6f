using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssetTrace.Accounts;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// #19: <c>/metrics</c> in Prometheus's format, read by a parser that is not the exporter: the product's meters
/// are there (GraphQL requests by operation name, never the query text; analytics cache; imports; sign-in
/// failures; the graph snapshot; the outbox), and only an admin's token may scrape when loopback is not trusted.
/// </summary>
public abstract class MetricsEndpointContract(StoreKind kind) : IAsyncLifetime
{
    private ServerHarness _server = null!;
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        _settings = await TestDatabases.CreateAsync(kind);
        _settings["Demo:Load"] = "true";
        _settings["Telemetry:MetricsFromLoopback"] = "false";
        _server = await ServerHarness.StartAsync(_settings, ownsStore: true);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> ScrapeAsync(string? token)
    {
        using var client = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await client.GetAsync("/metrics");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_scrapes_the_products_meters_by_operation_name_and_nobody_else_may()
    {
        await _server.DataAsync("query OwnersOfTheFlat { beneficialOwners(id: \"demo-flat-london\") { name } }");
        await _server.DataAsync("query OwnersOfTheFlat { beneficialOwners(id: \"demo-flat-london\") { name } }");
        await _server.DataAsync("query FindTheSubject { search(query: \"Achmetow Serik\") { totalCount nodes { id } } }");
        using (var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress })
        {
            var refused = await anonymous.PostAsync("/auth/login", JsonContent.Create(new { username = "tester", password = "not the password at all" }));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await _server.Services.GetRequiredService<InterchangeImporter>().ImportPathsAsync("ftm", [Fixtures.Path("ftm/sample.ftm.json")], new ImportOptions("importer1"), null, default);
        await _server.Services.GetRequiredService<AccountStore>().CreateUserAsync("analyst8", "Analyst", [Role.Analyst], "analyst-password-8", "test", default);

        Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync(null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync(await _server.SignInAsync("analyst8", "analyst-password-8"))).Status);
        var (status, body) = await ScrapeAsync(_server.Client.DefaultRequestHeaders.Authorization!.Parameter);
        Assert.Equal(HttpStatusCode.OK, status);

        var (types, samples) = PrometheusText.Parse(body);
        foreach (var (family, type) in new[]
        {
            ("assettrace_graphql_requests_total", "counter"),
            ("assettrace_graphql_duration_seconds", "histogram"),
            ("assettrace_analytics_cache_lookups_total", "counter"),
            ("assettrace_matching_duration_seconds", "histogram"),
            ("assettrace_interchange_rows_total", "counter"),
            ("assettrace_signin_failures_total", "counter"),
            ("assettrace_analytics_snapshot_age_seconds", "gauge"),
            ("assettrace_analytics_snapshot_load_time_seconds", "gauge"),
            ("assettrace_mail_outbox_queued", "gauge"),
            ("assettrace_mail_outbox_retries", "gauge"),
            ("http_server_request_duration_seconds", "histogram"),
        })
        {
            Assert.True(types.TryGetValue(family, out var found) && found == type, $"{family} ({type}) is not in the scrape:\n{body}");
        }
        Assert.Contains(samples, s => s.Name == "assettrace_graphql_requests_total" && s.Labels.GetValueOrDefault("operation") == "OwnersOfTheFlat"
            && s.Labels.GetValueOrDefault("outcome") == "ok" && s.Value >= 2);
        Assert.Contains(samples, s => s.Name == "assettrace_analytics_cache_lookups_total" && s.Labels.GetValueOrDefault("result") == "hit" && s.Value >= 1);
        // Where a search's time went, by step (#14).
        foreach (var step in new[] { "counter", "lookup", "nodes" })
        {
            Assert.Contains(samples, s => s.Name == "assettrace_matching_duration_seconds_count" && s.Labels.GetValueOrDefault("step") == step && s.Value >= 1);
        }
        Assert.Contains(samples, s => s.Name == "assettrace_interchange_rows_total" && s.Labels.GetValueOrDefault("format") == "ftm" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "assettrace_signin_failures_total" && s.Labels.GetValueOrDefault("reason") == "failed" && s.Value >= 1);
        // The query's text, a user's name and a password never become a label.
        foreach (var text in new[] { "beneficialOwners", "demo-flat-london", "Achmetow", "tester", "not the password" })
        {
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteMetricsEndpoint() : MetricsEndpointContract(StoreKind.Sqlite);

public sealed class PostgresMetricsEndpoint() : MetricsEndpointContract(StoreKind.Postgres);
