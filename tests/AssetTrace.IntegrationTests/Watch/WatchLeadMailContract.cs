using System.Data.Common;
using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.IntegrationTests.Mail;
using AssetTrace.Mail;
using AssetTrace.Mail.Sending;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using MailKit;
using MailKit.Search;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The case's analyst is told by e-mail (#15), through the real Postfix and Dovecot: a crawl that raises two leads on
/// the demo case sends its analyst one digest naming both, with links to the console and nothing of the graph; an
/// analyst of another case, and an analyst of the case without an address, are sent nothing.
/// </summary>
public abstract class WatchLeadMailContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly Viewer System = Viewer.System("test");
    private FixtureSite _site = null!;
    private WatchHarness _watch = null!;

    public async Task InitializeAsync()
    {
        _site = await FixtureSite.StartAsync();
        _watch = await WatchHarness.StartAsync(kind, new Dictionary<string, string>
        {
            ["news.json"] = WatchSourceFiles.Articles("news", _site.Port, "news.test", ["/news/"]),
        }, settings =>
        {
            MailTestServers.ConfigureDesk(settings);
            settings["Mail:MessageIdDomain"] = "assettrace.test";
            settings["Watch:ConsoleAddress"] = "https://assettrace.office.test/";
        });
    }

    public async Task DisposeAsync()
    {
        await _watch.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task Two_leads_on_a_case_reach_its_analyst_as_one_digest_and_an_analyst_of_another_case_gets_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var analystAddress = Plus(MailTestServers.Partner, $"analyst-{tag}");
        var outsiderAddress = Plus(MailTestServers.Partner, $"outsider-{tag}");
        await UserAsync("case-analyst", analystAddress);
        await UserAsync("silent-analyst", null);
        await UserAsync("other-analyst", outsiderAddress);
        var cases = _watch.Get<CaseStore>();
        await cases.UpdateAsync(new CasePatch("demo-case", "lead notices", Team: ["admin", "case-analyst", "silent-analyst"]), System, CancellationToken.None);
        await cases.CreateAsync(new CaseDraft("2026-ARC-0901", "Another case", "corruption", ["other-analyst"], null), System, CancellationToken.None);
        _site.NewsText = "Serik Achmetov and Kairat Zhumabayev bought a villa on the Palm through a Cyprus company.";

        var source = _watch.Get<WatchSources>().Find("news")!;
        var run = await _watch.Get<CrawlRunner>().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal(2, run.Leads);
        var leads = await _watch.Get<LeadStore>().ListAsync(System, LeadStatus.Open, "demo-case", 50, CancellationToken.None);
        Assert.Equal(2, leads.Count);

        // One digest, to the analyst with an address; none to the one without, none to the other case's analyst.
        var digest = _watch.Get<LeadDigest>();
        var queued = Assert.Single(await digest.OfRunAsync(run.Id, CancellationToken.None));
        Assert.Equal(("demo-case", "case-analyst", 2), (queued.CaseId, queued.Username, queued.Leads));
        Assert.Equal(0, await OutboxRowsToAsync(outsiderAddress));
        Assert.Equal(1, await OutboxRowsToAsync(analystAddress));
        // Asked again for the same run (a resumed run), nothing more is queued.
        Assert.Equal(0, await digest.QueueAsync(run, source.Title, CancellationToken.None));

        Assert.Equal(1, await _watch.Get<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None));
        var sent = (await _watch.Get<MailOutbox>().FindByMessageIdAsync(queued.MessageId, CancellationToken.None))!;
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        var message = await Mailboxes.WaitForAsync(MailTestServers.Partner, queued.MessageId);
        Assert.Equal(analystAddress, Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("2 new lead(s) on case 2026-ARC-0017", message.Subject, StringComparison.Ordinal);
        var body = message.TextBody;
        foreach (var lead in leads)
        {
            Assert.Contains($"«{lead.MatchedText}»", body, StringComparison.Ordinal);
            Assert.Contains($"https://assettrace.office.test/watch/leads#lead-{lead.Id}", body, StringComparison.Ordinal);
        }
        // It quotes no page and names no node of the graph: not the subjects' names as the graph holds them, nor the article.
        Assert.DoesNotContain("Cyprus company", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ахметов", body, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-serik-akhmetov", body, StringComparison.Ordinal);

        // The other case's analyst has nothing in the mailbox their address leads to.
        using var imap = await Mailboxes.ConnectAsync(MailTestServers.Partner);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Empty(await imap.Inbox.SearchAsync(SearchQuery.ToContains(outsiderAddress)));
        await imap.DisconnectAsync(true);

        // The page unchanged on the next run raises no lead, and so no mail.
        var again = await _watch.Get<CrawlRunner>().RunAsync(source, "test", CancellationToken.None);
        Assert.Equal(0, again.Leads);
        Assert.Empty(await digest.OfRunAsync(again.Id, CancellationToken.None));
    }

    private async Task UserAsync(string username, string? address)
    {
        await _watch.Get<AccountStore>().CreateUserAsync(username, username, [Role.Analyst], $"{username}'s password", "test", CancellationToken.None);
        await _watch.Get<UserEmail>().SetAsync(username, address, username, CancellationToken.None);
    }

    /// <summary>How many queued messages have the address among their recipients (stored as a JSON array, which escapes '+').</summary>
    private async Task<int> OutboxRowsToAsync(string address)
    {
        var rows = await _watch.Get<Database>().ReadAsync((DbConnection c) => c.QueryAsync(null, "SELECT recipients FROM mail_outbox",
            r => JsonSerializer.Deserialize<string[]>(r.GetString(0))!, CancellationToken.None), CancellationToken.None);
        return rows.Count(to => to.Contains(address, StringComparer.OrdinalIgnoreCase));
    }

    private static string Plus(string address, string detail) => address.Replace("@", $"+{detail}@", StringComparison.Ordinal);
}

public sealed class SqliteWatchLeadMailTests() : WatchLeadMailContract(StoreKind.Sqlite);

public sealed class PostgresWatchLeadMailTests() : WatchLeadMailContract(StoreKind.Postgres);
