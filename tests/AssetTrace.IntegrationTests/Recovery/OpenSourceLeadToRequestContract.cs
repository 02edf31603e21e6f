using System.Net;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Watch;
using AssetTrace.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Recovery;

/// <summary>
/// From an open source to the assistant through a running server, on both stores (#17): a foreign land
/// register's page names the demo subject as a villa's owner; the watch raises the lead, the case's
/// analyst accepts it, and the assistant proposes to confirm the villa through the network that reaches
/// Spain, with the lead among its reasons. Before the lead is accepted, nothing is proposed.
/// </summary>
public abstract class OpenSourceLeadToRequestContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a one-time password for the register";
    private WebApplication _register = null!;
    private WatchServer _watch = null!;
    private string _analyst = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _register = builder.Build();
        _register.MapGet("/register", () => Results.Content("""
            <html><body><table class="results"><tbody>
            <tr><td class="name">Villa Las Brisas, Marbella</td><td class="country">ES</td><td class="owner">Serik Achmetov</td></tr>
            <tr><td class="name">Apartment 4B, Malaga</td><td class="country">ES</td><td class="owner">Someone Else</td></tr>
            </tbody></table></body></html>
            """, "text/html; charset=utf-8"));
        await _register.StartAsync();
        var port = new Uri(_register.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _watch = await WatchServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["land.json"] = $$"""
            {
              "name": "land",
              "kind": "html",
              "startUrls": ["http://land.test:{{port}}/register"],
              "schedule": "0 0 6 * * ?",
              "politeness": { "requestsPerMinutePerHost": 0, "userAgent": "{{WatchSourceFiles.Agent}}", "allowedPrivateHosts": ["land.test"] },
              "records": {
                "item": "table.results tbody tr", "kind": "RealEstate",
                "properties": { "name": "td.name", "country": "td.country", "owner": "td.owner" },
                "matchNames": ["owner"],
                "link": { "edge": "OWNS", "from": "subject" }
              }
            }
            """,
        });
        await Server.DataAsync($$"""mutation { createUser(input: { username: "analyst-os", roles: [ANALYST], password: "{{Password}}" }) { id } }""");
        _analyst = await Server.SignInFirstTimeAsync("analyst-os", Password, "the analyst's own password");
        await Server.DataAsync("""mutation { updateCase(input: { id: "demo-case", reason: "open-source test", team: ["admin", "analyst-os"] }) { id } }""");
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _register.DisposeAsync();
    }

    private ServerHarness Server => _watch.Server;

    [Fact]
    public async Task An_accepted_lead_on_a_villa_in_Spain_brings_a_CARIN_request_to_confirm_it_with_the_lead_as_its_reason()
    {
        Assert.Empty(await ConfirmationsAsync());
        await Server.DataAsync("""mutation { startWatchSource(name: "land") { name } }""", token: _analyst);
        var lead = await OpenLeadAsync();
        Assert.Equal("Serik Achmetov", lead["matchedText"]!.GetValue<string>());
        Assert.Empty(await ConfirmationsAsync());

        var accepted = (await Server.DataAsync($$"""mutation { acceptLead(id: "{{lead["id"]!.GetValue<string>()}}") { facts } }""", token: _analyst))["acceptLead"]!;

        var confirmation = Assert.Single(await ConfirmationsAsync());
        Assert.Equal(("CARIN", "ES"), (confirmation["network"]!.GetValue<string>(), confirmation["jurisdiction"]!.GetValue<string>()));
        Assert.Equal(["real_estate"], confirmation["questions"]!.AsArray().Select(q => q!.GetValue<string>()));
        var villa = accepted["facts"]!.AsArray().Select(f => f!.GetValue<string>()).Single(f => confirmation["subjectIds"]!.AsArray().Any(s => s!.GetValue<string>() == f));
        Assert.Contains("Villa Las Brisas, Marbella", confirmation["title"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("open source (land)", confirmation["why"]!["en"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(confirmation["facts"]!.AsArray(), f => f!["kind"]!.GetValue<string>() == "lead" && f["id"]!.GetValue<string>() == lead["id"]!.GetValue<string>());
        Assert.Contains(confirmation["facts"]!.AsArray(), f => f!["kind"]!.GetValue<string>() == "node" && f["id"]!.GetValue<string>() == villa);
    }

    private async Task<List<JsonNode>> ConfirmationsAsync() =>
        [.. (await Server.DataAsync("""
            { recommendations(caseId: "demo-case") { recommendations { ruleId network jurisdiction questions subjectIds title { en } why { en } facts { kind id } } } }
            """, token: _analyst))["recommendations"]!["recommendations"]!.AsArray().Select(r => r!).Where(r => r["ruleId"]!.GetValue<string>() == "open-source-property")];

    private async Task<JsonNode> OpenLeadAsync()
    {
        // The run happens on the scheduler's thread: wait for its lead (at most 60 s).
        for (var i = 0; i < 600; i++)
        {
            if ((await Server.DataAsync("{ leads(status: OPEN) { id matchedText } }", token: _analyst))["leads"]!.AsArray() is [{ } lead])
            {
                return lead;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the land register's run raised no lead within 60 s");
    }
}

public sealed class SqliteOpenSourceLeadToRequestTests() : OpenSourceLeadToRequestContract(StoreKind.Sqlite);

public sealed class PostgresOpenSourceLeadToRequestTests() : OpenSourceLeadToRequestContract(StoreKind.Postgres);
