using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Graph.Model;
using AssetTrace.Roster.Entries;
using AssetTrace.Storage;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The watch through GraphQL in a running server, on both stores (#15): a source started by an analyst
/// runs as the server's Quartz job, its run is listed with its counts, its lead is the case team's alone
/// (an outsider with every role but admin gets, for the lead's id, the very answer for an id that does not
/// exist), accepting writes the fact with the snapshot as its source, and a paused source is not started.
/// </summary>
public abstract class WatchApiContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a one-time password for the watch";
    private FixtureSite _site = null!;
    private WatchServer _watch = null!;
    private string _insider = null!;
    private string _outsider = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = await WatchServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["news.json"] = WatchSourceFiles.Articles("news", _site.Port, "news.test", ["/news/"]),
        });
        foreach (var (name, roles) in new[] { ("insider", "ANALYST"), ("outsider", "ANALYST, OFFICER, COMMISSION, SUPERVISOR") })
        {
            await Server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{roles}}], password: "{{Password}}" }) { id } }""");
        }
        _insider = await Server.SignInFirstTimeAsync("insider", Password, "the insider's own password");
        _outsider = await Server.SignInFirstTimeAsync("outsider", Password, "the outsider's own password");
        await Server.DataAsync("""mutation { updateCase(input: { id: "demo-case", reason: "watch test", team: ["admin", "insider"] }) { id } }""");
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    private ServerHarness Server => _watch.Server;

    private async Task<JsonNode> FinishedRunAsync()
    {
        // The run happens on the scheduler's thread: wait for it to be recorded as finished (at most 60 s).
        for (var i = 0; i < 600; i++)
        {
            var run = (await Server.DataAsync("{ watchSources { name latestRun { running fetched changed failed leads errors } } }", token: _insider))["watchSources"]![0]!["latestRun"];
            if (run is not null && !run["running"]!.GetValue<bool>())
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the watch source's run did not finish within 60 s");
    }

    [Fact]
    public async Task An_analyst_starts_a_source_and_accepts_its_lead_which_an_outsider_cannot_see_or_touch()
    {
        await Server.DataAsync("""mutation { startWatchSource(name: "news") { name paused } }""", token: _insider);
        var run = await FinishedRunAsync();
        Assert.Equal((1, 1, 0, 1), (run["fetched"]!.GetValue<int>(), run["changed"]!.GetValue<int>(), run["failed"]!.GetValue<int>(), run["leads"]!.GetValue<int>()));

        // The crawl is measured by source and result (the meter is the process's: other tests' crawls add to it).
        var (_, samples) = Operations.PrometheusText.Parse(await Server.Client.GetStringAsync("/metrics"));
        Assert.Contains(samples, m => m.Name == "assettrace_crawl_pages_total" && m.Labels.GetValueOrDefault("source") == "news" && m.Labels.GetValueOrDefault("result") == "changed" && m.Value >= 1);
        Assert.Contains(samples, m => m.Name == "assettrace_crawl_leads_total" && m.Labels.GetValueOrDefault("source") == "news" && m.Value >= 1);

        var leads = (await Server.DataAsync("{ leads(status: OPEN) { id caseId matchedText node { id } snapshot { url sha256 } values { property element } } }", token: _insider))["leads"]!.AsArray();
        var lead = Assert.Single(leads)!;
        Assert.Equal(("demo-case", "Serik Achmetov", "demo-serik-akhmetov"), (lead["caseId"]!.GetValue<string>(), lead["matchedText"]!.GetValue<string>(), lead["node"]!["id"]!.GetValue<string>()));
        var id = lead["id"]!.GetValue<string>();

        Assert.Empty((await Server.DataAsync("{ leads { id } }", token: _outsider))["leads"]!.AsArray());
        foreach (var mutation in new[] { """mutation { acceptLead(id: "{ID}") { id facts } }""", """mutation { dismissLead(id: "{ID}", reason: "probe") { id } }""" })
        {
            var (_, forLead) = await Server.GraphQLAsync(mutation.Replace("{ID}", id, StringComparison.Ordinal), token: _outsider);
            var (_, forNothing) = await Server.GraphQLAsync(mutation.Replace("{ID}", "no-such-lead", StringComparison.Ordinal), token: _outsider);
            Assert.Equal(forNothing.ToJsonString(), forLead.ToJsonString().Replace(id, "no-such-lead", StringComparison.Ordinal));
        }

        var accepted = (await Server.DataAsync($$"""mutation { acceptLead(id: "{{id}}") { status decidedBy facts } }""", token: _insider))["acceptLead"]!;
        Assert.Equal(("ACCEPTED", "insider"), (accepted["status"]!.GetValue<string>(), accepted["decidedBy"]!.GetValue<string>()));
        var factId = accepted["facts"]![0]!.GetValue<string>();
        var fact = (await Server.DataAsync($$"""{ node(id: "{{factId}}") { name provenance { source reference caseId } } }""", token: _insider))["node"]!;
        Assert.Equal("OPEN_SOURCE", fact["provenance"]!["source"]!.GetValue<string>());
        Assert.Contains($"sha256:{lead["snapshot"]!["sha256"]!.GetValue<string>()}", fact["provenance"]!["reference"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await Server.DataAsync($$"""{ node(id: "{{factId}}") { id } }""", token: _outsider))["node"]);
    }

    [Fact]
    public async Task A_lead_on_a_person_with_a_roster_entry_names_it_and_reaches_the_Commission_of_the_case_who_may_not_decide_it()
    {
        await Server.DataAsync($$"""mutation { createUser(input: { username: "commissioner", roles: [COMMISSION], password: "{{Password}}" }) { id } }""");
        var commissioner = await Server.SignInFirstTimeAsync("commissioner", Password, "the commissioner's own password");
        await Server.DataAsync("""mutation { updateCase(input: { id: "demo-case", reason: "watch test", team: ["admin", "insider", "commissioner"] }) { id } }""");
        var now = DateTimeOffset.UtcNow;
        var entry = await Server.Services.GetRequiredService<RosterStore>().CreateAsync(new RosterEntry(Guid.CreateVersion7().ToString(), null, "demo-case",
            "demo-serik-akhmetov", [], [], new RosterFigure(0, 0, 100_000_000, DateOnly.FromDateTime(now.UtcDateTime)), new RosterGrounds(["public_office"], "watch test"),
            RosterStage.Proposed, null, null, null, new Stamp(1, now, "admin", now, "admin")), null, CancellationToken.None);
        var source = Server.Services.GetRequiredService<WatchSources>().Find("news")!;
        Assert.Equal(1, (await Server.Services.GetRequiredService<CrawlRunner>().RunAsync(source, "test", CancellationToken.None)).Leads);

        const string Query = "{ leads { id rosterEntries { id stage } } }";
        var seen = Assert.Single((await Server.DataAsync(Query, token: commissioner))["leads"]!.AsArray())!;
        Assert.Equal((entry.Id, "PROPOSED"), (seen["rosterEntries"]![0]!["id"]!.GetValue<string>(), seen["rosterEntries"]![0]!["stage"]!.GetValue<string>()));
        Assert.Equal(entry.Id, (await Server.DataAsync(Query, token: _insider))["leads"]![0]!["rosterEntries"]![0]!["id"]!.GetValue<string>());
        // The outsider holds the Commission role too, but is not on the case.
        Assert.Empty((await Server.DataAsync(Query, token: _outsider))["leads"]!.AsArray());

        var (_, refused) = await Server.GraphQLAsync($$"""mutation { acceptLead(id: "{{seen["id"]!.GetValue<string>()}}") { id } }""", token: commissioner);
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_paused_source_is_not_started_and_only_analysts_and_admins_run_sources()
    {
        var paused = (await Server.DataAsync("""mutation { pauseWatchSource(name: "news") { paused } }""", token: _insider))["pauseWatchSource"]!;
        Assert.True(paused["paused"]!.GetValue<bool>());
        var (_, refused) = await Server.GraphQLAsync("""mutation { startWatchSource(name: "news") { name } }""", token: _insider);
        Assert.Equal("CONFLICT", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(0, _site.Hits("/news/"));

        var supervisor = "supervisor-only";
        await Server.DataAsync($$"""mutation { createUser(input: { username: "{{supervisor}}", roles: [SUPERVISOR, OFFICER], password: "{{Password}}" }) { id } }""");
        var token = await Server.SignInFirstTimeAsync(supervisor, Password, "the supervisor's own password");
        var (_, forbidden) = await Server.GraphQLAsync("""mutation { resumeWatchSource(name: "news") { name } }""", token: token);
        Assert.Equal("FORBIDDEN", forbidden["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.NotEmpty((await Server.DataAsync("{ watchSources { name paused } }", token: token))["watchSources"]!.AsArray());
    }
}

public sealed class SqliteWatchApiTests() : WatchApiContract(StoreKind.Sqlite);

public sealed class PostgresWatchApiTests() : WatchApiContract(StoreKind.Postgres);
