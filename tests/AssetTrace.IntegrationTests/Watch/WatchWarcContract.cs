using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The WARC downloads of a running server on both stores (#15): a run's file holds the snapshots the viewer may
/// see (a page that raised a lead only for those who see its case), a lead's file is its case team's alone, roles
/// without the watch get a refusal, and every download is audited. A body altered in the database after it was
/// stored is found on export, on acceptance and by the crawler's next read, reported and audited, and never served.
/// </summary>
public abstract class WatchWarcContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a one-time password for the archive";
    private FixtureSite _site = null!;
    private WatchServer _watch = null!;
    private string _insider = null!;
    private string _outsider = null!;
    private string _officer = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        // The news page raises a lead on the demo case; /validated raises none and answers 304 to its ETag.
        _watch = await WatchServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["news.json"] = WatchSourceFiles.Articles("news", _site.Port, "news.test", ["/news/", "/validated"]),
        });
        foreach (var (name, roles) in new[] { ("insider", "ANALYST"), ("outsider", "ANALYST, OFFICER, COMMISSION, SUPERVISOR"), ("officer", "OFFICER") })
        {
            await Server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{roles}}], password: "{{Password}}" }) { id } }""");
        }
        _insider = await Server.SignInFirstTimeAsync("insider", Password, "the insider's own password");
        _outsider = await Server.SignInFirstTimeAsync("outsider", Password, "the outsider's own password");
        _officer = await Server.SignInFirstTimeAsync("officer", Password, "the officer's own password");
        await Server.DataAsync("""mutation { updateCase(input: { id: "demo-case", reason: "warc test", team: ["admin", "insider"] }) { id } }""");
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    private ServerHarness Server => _watch.Server;

    private T Get<T>() where T : notnull => Server.Services.GetRequiredService<T>();

    private async Task<(WatchRun Run, Lead Lead)> CrawlAsync()
    {
        var run = await Get<CrawlRunner>().RunAsync(Get<WatchSources>().Find("news")!, "test", CancellationToken.None);
        Assert.Equal((2, 2, 1), (run.Fetched, run.Changed, run.Leads));
        var lead = Assert.Single(await Get<LeadStore>().ListAsync(Viewer.System("test"), null, null, 10, CancellationToken.None));
        return (run, lead);
    }

    private async Task<(HttpStatusCode Status, byte[] Body, HttpResponseMessage Response)> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Server.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response);
    }

    private Task<List<(string Actor, string Action, string Entity, string After)>> AuditAsync(string actionPrefix) =>
        Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT actor, action, entity, after_state FROM audit_log WHERE action LIKE @a ORDER BY seq",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), CancellationToken.None, ("a", actionPrefix + "%")), CancellationToken.None);

    private static List<WarcReader.Record> Responses(byte[] warc) => [.. WarcReader.Read(warc).Where(r => r["WARC-Type"] == "response")];

    [Fact]
    public async Task A_runs_WARC_holds_only_what_the_viewer_may_see_and_a_leads_WARC_is_its_case_teams_alone()
    {
        var (run, lead) = await CrawlAsync();
        var snapshot = (await Get<SnapshotStore>().GetAsync(lead.SnapshotId, CancellationToken.None))!;
        var news = $"http://news.test:{_site.Port}/news/";
        var validated = $"http://news.test:{_site.Port}/validated";

        var (status, body, response) = await GetAsync($"/console/watch/runs/{run.Id}.warc", _insider);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/warc", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), response.Headers.GetValues("X-Warc-Sha256").Single());
        var records = Responses(body);
        Assert.Equal([news, validated], records.Select(r => r["WARC-Target-URI"]).Order());
        var page = records.Single(r => r["WARC-Target-URI"] == news);
        Assert.Equal(snapshot.Sha256, Convert.ToHexStringLower(SHA256.HashData(page.Payload)));

        // An outsider with every role but admin: the run's file without the page that raised the case's lead, and no file of the lead.
        (status, body, _) = await GetAsync($"/console/watch/runs/{run.Id}.warc", _outsider);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([validated], Responses(body).Select(r => r["WARC-Target-URI"]));
        Assert.DoesNotContain("Achmetov", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        var (forLead, leadBody, _) = await GetAsync($"/console/watch/leads/{lead.Id}.warc", _outsider);
        var (forNothing, nothingBody, _) = await GetAsync("/console/watch/leads/no-such-lead.warc", _outsider);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (forLead, forNothing));
        Assert.Equal(Detail(nothingBody), Detail(leadBody).Replace(lead.Id, "no-such-lead", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/console/watch/runs/no-such-run.warc", _insider)).Status);

        // Roles that do not read the watch get a refusal, whatever they ask for.
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/console/watch/runs/{run.Id}.warc", _officer)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync($"/console/watch/leads/{lead.Id}.warc", _officer)).Status);

        (status, body, _) = await GetAsync($"/console/watch/leads/{lead.Id}.warc", _insider);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(news, Assert.Single(Responses(body))["WARC-Target-URI"]);

        var audited = await AuditAsync("watch.warc.");
        Assert.Equal([("insider", $"watch-run/{run.Id}"), ("outsider", $"watch-run/{run.Id}"), ("insider", $"lead/{lead.Id}")],
            audited.Select(a => (a.Actor, a.Entity)));
        Assert.Contains(snapshot.Id, audited[0].After, StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot.Id, audited[1].After, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(body)), audited[2].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_altered_after_storage_is_refused_on_export_acceptance_and_the_next_crawl_and_is_audited()
    {
        var (run, lead) = await CrawlAsync();
        var snapshots = Get<SnapshotStore>();
        var stored = await snapshots.ListByRunAsync(run.Id, CancellationToken.None);
        var news = stored.Single(s => s.Id == lead.SnapshotId);
        var validated = stored.Single(s => s.Id != lead.SnapshotId);
        foreach (var (snapshot, from, to) in new[] { (news, "Serik Achmetov", "Someone Else"), (validated, "stable", "forged") })
        {
            var body = Encoding.UTF8.GetString((await snapshots.BodyAsync(snapshot.Sha256, CancellationToken.None))!);
            Assert.Contains(from, body, StringComparison.Ordinal);
            await Get<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, "UPDATE watch_bodies SET body = @b WHERE sha256 = @h", CancellationToken.None,
                ("b", Encoding.UTF8.GetBytes(body.Replace(from, to, StringComparison.Ordinal))), ("h", snapshot.Sha256)), CancellationToken.None);
        }

        foreach (var path in new[] { $"/console/watch/leads/{lead.Id}.warc", $"/console/watch/runs/{run.Id}.warc" })
        {
            var (status, body, _) = await GetAsync(path, _insider);
            Assert.Equal(HttpStatusCode.Conflict, status);
            var text = Encoding.UTF8.GetString(body);
            Assert.DoesNotContain("WARC/1.1", text, StringComparison.Ordinal);
            Assert.Contains("changed after it was fetched", text, StringComparison.Ordinal);
        }
        Assert.Empty(await AuditAsync("watch.warc.downloaded"));
        var findings = await AuditAsync("watch.snapshot.tampered");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(("insider", $"snapshot/{news.Id}"), (f.Actor, f.Entity)));
        Assert.Contains(news.Sha256, findings[0].After, StringComparison.Ordinal);

        var (_, refused) = await Server.GraphQLAsync($$"""mutation { acceptLead(id: "{{lead.Id}}") { id facts } }""", token: _insider);
        Assert.Equal("CONFLICT", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(news.Id, refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("OPEN", (await Server.DataAsync($$"""{ leads { id status } }""", token: _insider))["leads"]![0]!["status"]!.GetValue<string>());

        // The crawler reads the stored copy of a page that answers 304: altered, its run names it among its errors.
        var again = await Get<CrawlRunner>().RunAsync(Get<WatchSources>().Find("news")!, "test", CancellationToken.None);
        Assert.Contains(again.Errors, e => e.Contains(validated.Id, StringComparison.Ordinal) && e.Contains("changed after it was fetched", StringComparison.Ordinal));
    }

    private static string Detail(byte[] problem) => JsonNode.Parse(problem)!["detail"]!.GetValue<string>();
}

public sealed class SqliteWatchWarcTests() : WatchWarcContract(StoreKind.Sqlite);

public sealed class PostgresWatchWarcTests() : WatchWarcContract(StoreKind.Postgres);
