using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Roster.Entries;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The watch from page to graph on both stores (#15): a news page names the demo subject in a Latin
/// spelling the graph does not hold; the crawl snapshots it, the matcher finds the Cyrillic-named
/// subject, a lead is raised on the demo case; the case's analyst accepts it and the graph has the fact
/// with the snapshot as its source; the snapshot exports as WARC with its hash. Outsiders see none of it.
/// </summary>
public abstract class WatchLeadContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly Viewer Analyst = Viewer.User("case-analyst", [Role.Analyst], ["demo-case"]);
    private static readonly Viewer Outsider = Viewer.User("outsider", [Role.Analyst, Role.Supervisor, Role.Officer, Role.Commission], []);
    private FixtureSite _site = null!;
    private WatchHarness _watch = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = await WatchHarness.StartAsync(kind, new Dictionary<string, string>
        {
            ["news.json"] = WatchSourceFiles.Articles("news", _site.Port, "news.test", ["/news/"]),
            ["registry.json"] = WatchSourceFiles.Registry(_site.Port),
        });
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    private Task<WatchRun> RunAsync(string source) =>
        _watch.Get<CrawlRunner>().RunAsync(_watch.Get<WatchSources>().Find(source)!, "test", CancellationToken.None);

    [Fact]
    public async Task A_news_page_naming_the_subject_in_another_spelling_becomes_a_lead_a_sourced_fact_and_a_WARC_record()
    {
        var run = await RunAsync("news");
        Assert.Equal((1, 1, 0, 1), (run.Fetched, run.Changed, run.Failed, run.Leads));

        var leads = _watch.Get<LeadStore>();
        var lead = Assert.Single(await leads.ListAsync(Analyst, LeadStatus.Open, null, 50, CancellationToken.None));
        Assert.Equal(("demo-serik-akhmetov", "demo-case", "Serik Achmetov"), (lead.NodeId, lead.CaseId, lead.MatchedText));
        Assert.InRange(lead.Score, 0.8, 1);
        Assert.Contains(lead.Record.Values, v => v.Property == "text" && v.Text.Contains("Serik Achmetov", StringComparison.Ordinal)
            && v.Element == "html > body:nth-child(2) > article:nth-child(1) > p:nth-child(2)");

        // An outsider with every role but admin: no lead, and by id as if there were none.
        Assert.Empty(await leads.ListAsync(Outsider, null, null, 50, CancellationToken.None));
        Assert.Null(await leads.GetAsync(Outsider, lead.Id, CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => leads.AcceptAsync(lead.Id, Outsider, CancellationToken.None));

        var accepted = await leads.AcceptAsync(lead.Id, Analyst, CancellationToken.None);
        Assert.Equal(LeadStatus.Accepted, accepted.Status);
        var snapshot = (await _watch.Get<SnapshotStore>().GetAsync(lead.SnapshotId, CancellationToken.None))!;
        var fact = (await _watch.Get<GraphQueries>().GetNodeAsync(Analyst, Assert.Single(accepted.Facts), CancellationToken.None))!;
        Assert.Equal(("Serik Achmetov", SourceKind.OpenSource, "demo-case"), (fact.Name, fact.Provenance.Source, fact.Provenance.CaseId));
        Assert.Equal(snapshot.FetchedAt, fact.Provenance.ObtainedAt);
        Assert.Contains($"http://news.test:{_site.Port}/news/", fact.Provenance.Reference, StringComparison.Ordinal);
        Assert.Contains($"sha256:{snapshot.Sha256}", fact.Provenance.Reference, StringComparison.Ordinal);
        Assert.Null(await _watch.Get<GraphQueries>().GetNodeAsync(Outsider, fact.Id, CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => leads.DismissAsync(lead.Id, "changed my mind", Analyst, CancellationToken.None));

        using var warc = new MemoryStream();
        await _watch.Get<WarcExport>().WriteAsync([snapshot], warc, CancellationToken.None);
        var records = WarcReader.Read(warc.ToArray());
        Assert.Equal("warcinfo", records[0]["WARC-Type"]);
        var response = Assert.Single(records, r => r["WARC-Type"] == "response");
        Assert.Equal($"http://news.test:{_site.Port}/news/", response["WARC-Target-URI"]);
        Assert.Equal(snapshot.Sha256, Convert.ToHexStringLower(SHA256.HashData(response.Payload)));
        Assert.Equal(snapshot.Sha256, Convert.ToHexStringLower(WarcReader.Base32(response["WARC-Payload-Digest"]["sha256:".Length..])));
        Assert.Equal(SHA256.HashData(response.Block), WarcReader.Base32(response["WARC-Block-Digest"]["sha256:".Length..]));
        Assert.Contains("Serik Achmetov", Encoding.UTF8.GetString(response.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_on_the_roster_is_watched_and_their_lead_names_the_entry_for_the_Commission_of_the_case_alone()
    {
        // A person who is no subject of any case, proposed for the roster in the demo case; and an excluded entry, no longer watched.
        var graph = _watch.Get<GraphStore>();
        var admin = Viewer.System("test");
        var provenance = new ProvenanceDraft(SourceKind.ManualEntry, "test", null, UsageRestriction.Evidence);
        var proposed = await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = "Бауыржан Тлеуов" }), provenance), admin, CancellationToken.None);
        var excluded = await graph.CreateNodeAsync(new NodeDraft(NodeKind.Person, JsonSerializer.SerializeToElement(new { name = "Гүлнар Дәулетова" }), provenance), admin, CancellationToken.None);
        var entry = await EntryAsync(proposed.Id, RosterStage.Proposed);
        await EntryAsync(excluded.Id, RosterStage.Excluded);
        _site.NewsText = "Serik Achmetov, Bauyrzhan Tleuov and Gulnar Dauletova bought a villa on the Palm.";

        var run = await RunAsync("news");
        Assert.Equal(2, run.Leads);
        var leads = _watch.Get<LeadStore>();
        var all = await leads.ListAsync(Analyst, null, null, 50, CancellationToken.None);
        Assert.Equal(new[] { "demo-serik-akhmetov", proposed.Id }.Order(StringComparer.Ordinal), all.Select(l => l.NodeId).Order(StringComparer.Ordinal));
        var onRoster = all.Single(l => l.NodeId == proposed.Id);
        Assert.Equal(("demo-case", "Bauyrzhan Tleuov"), (onRoster.CaseId, onRoster.MatchedText));

        var roster = _watch.Get<RosterStore>();
        var named = await LeadRosterEntries.OfAsync(roster, Analyst, all, CancellationToken.None);
        Assert.Equal(entry.Id, Assert.Single(named[onRoster.Id]).Id);
        Assert.Empty(named[all.Single(l => l.NodeId == "demo-serik-akhmetov").Id]);

        // A Commission member of the case reads the lead that names the entry, and only that one; one not on the case, none.
        var commissioner = Viewer.User("commissioner", [Role.Commission], ["demo-case"]);
        Assert.Equal([onRoster.Id], (await leads.ListAsync(commissioner, null, null, 50, CancellationToken.None)).Select(l => l.Id));
        Assert.Null(await leads.GetAsync(commissioner, all.Single(l => l.NodeId == "demo-serik-akhmetov").Id, CancellationToken.None));
        Assert.Equal(entry.Id, Assert.Single((await LeadRosterEntries.OfAsync(roster, commissioner, [onRoster], CancellationToken.None))[onRoster.Id]).Id);
        var otherCommissioner = Viewer.User("other-commissioner", [Role.Commission], []);
        Assert.Empty(await leads.ListAsync(otherCommissioner, null, null, 50, CancellationToken.None));
        Assert.Empty((await LeadRosterEntries.OfAsync(roster, otherCommissioner, [onRoster], CancellationToken.None))[onRoster.Id]);
        // Reading is not deciding: the Commission does not write the graph.
        await Assert.ThrowsAsync<ForbiddenException>(() => leads.AcceptAsync(onRoster.Id, commissioner, CancellationToken.None));
        await Assert.ThrowsAsync<ForbiddenException>(() => leads.DismissAsync(onRoster.Id, "not ours", commissioner, CancellationToken.None));
    }

    private async Task<RosterEntry> EntryAsync(string personId, RosterStage stage)
    {
        var now = _watch.Clock.GetUtcNow();
        return await _watch.Get<RosterStore>().CreateAsync(new RosterEntry(Guid.CreateVersion7().ToString(), null, "demo-case", personId, [], [],
            new RosterFigure(0, 0, 100_000_000, DateOnly.FromDateTime(now.UtcDateTime)), new RosterGrounds(["public_office"], "watch test"), stage,
            null, null, null, new Stamp(1, now, "supervisor", now, "supervisor")), null, CancellationToken.None);
    }

    [Fact]
    public async Task The_check_command_finds_a_body_altered_in_the_database_and_names_its_snapshot()
    {
        await RunAsync("news");
        var snapshot = Assert.Single(await _watch.Get<SnapshotStore>().ListAsync("news", CancellationToken.None));
        Assert.Equal(0, await AssetTrace.Cli.CommandLine.RunAsync(["watch", "verify", .. _watch.Overrides]));
        Assert.True((await _watch.Get<SnapshotVerifier>().VerifyAsync(CancellationToken.None)).Intact);

        await _watch.Get<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, "UPDATE watch_bodies SET body = @b WHERE sha256 = @h", CancellationToken.None,
            ("b", "<html><body>forged</body></html>"u8.ToArray()), ("h", snapshot.Sha256)), CancellationToken.None);

        Assert.Equal(1, await AssetTrace.Cli.CommandLine.RunAsync(["watch", "verify", .. _watch.Overrides]));
        var finding = Assert.Single((await _watch.Get<SnapshotVerifier>().VerifyAsync(CancellationToken.None)).Findings);
        Assert.Contains(snapshot.Id, finding, StringComparison.Ordinal);
        Assert.Contains(snapshot.Sha256, finding, StringComparison.Ordinal);
        Assert.Contains("changed after it was fetched", finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_page_is_not_read_again_and_a_changed_one_is_snapshotted_anew()
    {
        await RunAsync("news");
        var again = await RunAsync("news");
        Assert.Equal((1, 1, 0, 0), (again.Fetched, again.Unchanged, again.Changed, again.Leads));

        _site.NewsText = "Serik Achmetov sold the villa again, to a trust.";
        var changed = await RunAsync("news");
        Assert.Equal((1, 0, 1, 1), (changed.Fetched, changed.Unchanged, changed.Changed, changed.Leads));
        Assert.Equal(2, (await _watch.Get<SnapshotStore>().ListAsync("news", CancellationToken.None)).Count);
        Assert.Equal(2, (await _watch.Get<LeadStore>().ListAsync(Analyst, LeadStatus.Open, "demo-case", 50, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_registry_list_is_followed_page_by_page_robots_txt_is_honoured_and_an_accepted_row_links_company_and_director()
    {
        var run = await RunAsync("registry");
        Assert.Equal(3, run.Changed);
        Assert.Equal(0, _site.Hits("/private/secret"));
        Assert.Contains(run.Errors, e => e.Contains("robots.txt", StringComparison.Ordinal));

        var lead = Assert.Single(await _watch.Get<LeadStore>().ListAsync(Analyst, LeadStatus.Open, null, 50, CancellationToken.None));
        Assert.Equal("Achmetov Serik", lead.MatchedText);
        var accepted = await _watch.Get<LeadStore>().AcceptAsync(lead.Id, Analyst, CancellationToken.None);
        var edges = await _watch.Get<GraphQueries>().GetEdgesAsync(Analyst, accepted.Facts, CancellationToken.None);
        var director = Assert.Single(edges.Values);
        Assert.Equal((EdgeKind.DirectorOf, "demo-serik-akhmetov"), (director.Kind, director.SourceId));
        var company = (await _watch.Get<GraphQueries>().GetNodeAsync(Analyst, director.TargetId, CancellationToken.None))!;
        Assert.Equal("Company 3-B LLP", company.Name);
        Assert.Equal("030440054321", company.Properties.GetProperty("registrationNumber").GetString());
    }

    [Fact]
    public async Task A_dismissal_needs_a_reason_and_a_crawl_cut_short_resumes_from_its_frontier()
    {
        await RunAsync("news");
        var leads = _watch.Get<LeadStore>();
        var lead = Assert.Single(await leads.ListAsync(Analyst, null, null, 50, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<UserInputException>(() => leads.DismissAsync(lead.Id, "  ", Analyst, CancellationToken.None));
        Assert.Equal("reason", Assert.Single(refused.Errors).Field);
        var dismissed = await leads.DismissAsync(lead.Id, "a namesake", Analyst, CancellationToken.None);
        Assert.Equal((LeadStatus.Dismissed, "a namesake", "case-analyst"), (dismissed.Status, dismissed.Reason, dismissed.DecidedBy));

        // A run that stopped after its first page: the next start goes on with it, not from the start.
        var runs = _watch.Get<WatchRunStore>();
        var source = _watch.Get<WatchSources>().Find("registry")!;
        var cut = await runs.StartAsync("registry", source.StartUrls, "test", CancellationToken.None);
        await runs.DoneAsync(cut.Id, source.StartUrls[0].AbsoluteUri, new PageOutcome(true, false, true, 0, null),
            [(new Uri($"http://registry.test:{_site.Port}/list?page=2"), 0)], 100, CancellationToken.None);
        var resumed = await RunAsync("registry");
        Assert.Equal(cut.Id, resumed.Id);
        Assert.Equal(2, _site.Hits("/list")); // pages 2 and 3, not page 1 again
        Assert.Equal(WatchRun.Finished, resumed.Status);
    }
}

public sealed class SqliteWatchLeadTests() : WatchLeadContract(StoreKind.Sqlite);

public sealed class PostgresWatchLeadTests() : WatchLeadContract(StoreKind.Postgres);
