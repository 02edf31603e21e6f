using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Notice;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Components.Pages.Roster;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// Every door a roster document leaves by is audited the same way (#16): the GraphQL field and the
/// console's download link, for the notice, the court application and a kept document, on both stores.
/// Someone without a roster role on the case is refused (FORBIDDEN), someone of another case is told the
/// entry does not exist (NOT_FOUND, as for any id), and neither leaves a download in the audit log.
/// </summary>
public abstract class RosterDownloadAuditContract(StoreKind kind) : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private static readonly Viewer Body = Viewer.User("aidos", [Role.Supervisor], ["demo-case"]);
    private static readonly Viewer Member = Viewer.User("marat", [Role.Commission], ["demo-case"]);

    private ServerHarness _server = null!;
    private string _entryId = null!;
    private string _documentId = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(kind);
        var desk = Get<RosterDesk>();
        var entry = await desk.ProposeAsync(new RosterProposal("demo-case", "demo-serik-akhmetov", null, ["assets_exceed_income"],
            "Assets abroad beyond his declared income."), Body, default);
        // The server runs on the real clock; the roster's days are Almaty's.
        var today = LegalCalendar.Today(TimeProvider.System);
        entry = await desk.DecideAsync(entry.Id, new RosterVote(today, 3, 0, 0, ["A", "B", "C"]), null, Member, default);
        await Get<RosterNotices>().RecordDeliveryAsync(entry.Id, today, "by hand", null, Body, default);
        _documentId = (await Get<RosterEvaluations>().AddDeclarationAsync(entry.Id, "declaration.pdf", RosterEvaluations.PdfType,
            "%PDF-1.4 the subject's declaration"u8.ToArray(), null, Body, default)).Id;
        _entryId = entry.Id;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("notice")]
    [InlineData("court application")]
    [InlineData("kept document")]
    public async Task A_download_through_either_door_is_audited_with_who_and_when_and_a_refused_one_leaves_nothing(string document)
    {
        var analyst = await UserAsync("asel", "ANALYST", onCase: true);
        var officer = await UserAsync("erlan", "OFFICER", onCase: true);
        var outsider = await UserAsync("bolat", "COMMISSION, SUPERVISOR, ANALYST", onCase: false);
        var (query, link, action) = document switch
        {
            "notice" => ($$"""{ d: rosterNoticePdf(id: "{{_entryId}}", language: "kk") }""", RosterDocumentsEndpoint.NoticeLink(_entryId, "kk"), "roster.notice_downloaded"),
            "court application" => ($$"""{ d: rosterCourtApplicationPdf(id: "{{_entryId}}", language: "en") }""",
                RosterDocumentsEndpoint.CourtApplicationLink(_entryId, "en"), "roster.court_application_downloaded"),
            _ => ($$"""{ d: rosterDocumentContent(id: "{{_documentId}}") }""", RosterDocumentsEndpoint.DocumentLink(_documentId), "roster.document_downloaded"),
        };

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var byApi = Convert.FromBase64String((await _server.DataAsync(query, token: analyst))["d"]!.GetValue<string>());
        var (status, byConsole) = await DownloadAsync(link, "asel");
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(byApi[..5]), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(byConsole[..5]), StringComparison.Ordinal);
        var downloads = (await Get<AuditLog>().ListAsync($"roster/{_entryId}", null, 100, default)).Where(a => a.Action == action).OrderBy(a => a.Seq).ToList();
        Assert.Equal(2, downloads.Count);
        foreach (var (entry, via, bytes) in new[] { (downloads[0], "graphql", byApi), (downloads[1], "console", byConsole) })
        {
            Assert.Equal("asel", entry.Actor);
            Assert.InRange(entry.At, before, after);
            var record = JsonNode.Parse(entry.After!)!;
            Assert.Equal(via, record["via"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), record["sha256"]!.GetValue<string>());
        }

        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(query, officer));
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(link, "erlan")).Status);
        Assert.Equal("NOT_FOUND", await ErrorCodeAsync(query, outsider));
        var (refused, refusedBody) = await DownloadAsync(link, "bolat");
        Assert.Equal(HttpStatusCode.NotFound, refused);
        Assert.DoesNotContain("%PDF", System.Text.Encoding.ASCII.GetString(refusedBody), StringComparison.Ordinal);
        var audited = await Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT actor FROM audit_log WHERE action LIKE 'roster.%downloaded'",
            r => r.GetString(0), default), default);
        Assert.Equal(["asel", "asel"], audited);
        Assert.True((await Get<AuditLog>().VerifyAsync(default)).Intact);
    }

    [Fact]
    public async Task The_court_application_as_data_is_audited_as_its_PDF_and_a_refused_reader_leaves_nothing()
    {
        var analyst = await UserAsync("asel", "ANALYST", onCase: true);
        var officer = await UserAsync("erlan", "OFFICER", onCase: true);
        var outsider = await UserAsync("bolat", "COMMISSION, SUPERVISOR, ANALYST", onCase: false);
        var query = $$"""{ d: rosterCourtApplication(id: "{{_entryId}}") { subjectName assets { nodeId } } }""";

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var read = (await _server.DataAsync(query, token: analyst))["d"]!;
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        Assert.NotEmpty(read["assets"]!.AsArray());
        var entry = Assert.Single(await Get<AuditLog>().ListAsync($"roster/{_entryId}", null, 100, default), a => a.Action == "roster.court_application_read");
        Assert.Equal("asel", entry.Actor);
        Assert.InRange(entry.At, before, after);
        Assert.Equal("graphql", JsonNode.Parse(entry.After!)!["via"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", await ErrorCodeAsync(query, officer));
        Assert.Equal("NOT_FOUND", await ErrorCodeAsync(query, outsider));
        var audited = await Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT actor FROM audit_log WHERE action = 'roster.court_application_read'",
            r => r.GetString(0), default), default);
        Assert.Equal(["asel"], audited);
    }

    private T Get<T>() where T : notnull => _server.Services.GetRequiredService<T>();

    private async Task<string> UserAsync(string name, string roles, bool onCase)
    {
        await _server.DataAsync($$"""mutation { createUser(input: { username: "{{name}}", roles: [{{roles}}], password: "{{Password}}" }) { id } }""");
        if (onCase)
        {
            var cases = Get<CaseStore>();
            var demo = (await cases.GetAsync(Viewer.System("test"), "demo-case", default))!;
            await cases.UpdateAsync(new CasePatch("demo-case", "download audit team", Team: [.. demo.Team, name]), Viewer.System("test"), default);
        }
        return await _server.SignInFirstTimeAsync(name, Password, OwnPassword(name));
    }

    /// <summary>The console's download link, as the user's browser asks for it: signed in to the console, with its cookie.</summary>
    private async Task<(HttpStatusCode Status, byte[] Body)> DownloadAsync(string link, string user)
    {
        using var browser = new CookieBrowser(_server.Client.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(user, OwnPassword(user))).StatusCode);
        using var response = await browser.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static string OwnPassword(string user) => $"{user}'s own password here";

    private async Task<string?> ErrorCodeAsync(string query, string token)
    {
        var (_, body) = await _server.GraphQLAsync(query, token: token);
        Assert.Null(body["data"]?["d"]);
        return body["errors"]?.AsArray().FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>();
    }
}

public sealed class SqliteRosterDownloadAuditTests() : RosterDownloadAuditContract(StoreKind.Sqlite);

public sealed class PostgresRosterDownloadAuditTests() : RosterDownloadAuditContract(StoreKind.Postgres);
