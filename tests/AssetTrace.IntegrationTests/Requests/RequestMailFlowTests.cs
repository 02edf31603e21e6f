using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Mail;
using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Mail.Sending;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// The whole desk against the real Postfix and Dovecot that ./test.sh starts: an officer drafts a
/// CARIN request about the London flat in English and Russian, a supervisor approves it, it
/// reaches the partner's mailbox with its PDFs, the partner's reply with an attachment is threaded
/// onto it, and the answer's facts go into the graph as intelligence only.
/// </summary>
public sealed class RequestMailFlowTests : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    private async Task<ServiceProvider> StartAsync()
    {
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "true";
        MailTestServers.ConfigureDesk(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddAssetTraceCore(configuration).BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, CancellationToken.None);
        return services;
    }

    [Fact]
    public async Task A_CARIN_request_is_sent_answered_by_mail_and_its_answer_recorded_as_intelligence()
    {
        await using var services = await StartAsync();
        var desk = services.GetRequiredService<RequestDesk>();
        var requests = services.GetRequiredService<RequestStore>();
        var partner = await services.GetRequiredService<NetworkDirectory>().SaveContactPointAsync(new ContactPoint(
            "test-partner", "CARIN", "GB", "UK ARO test mailbox", MailTestServers.Partner, ["en"], "Europe/London", 6, true), "supervisor1", default);

        var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", partner.Id, Urgency.Urgent, new RequestBody(
            ["demo-serik-akhmetov", "demo-flat-london"], ["real_estate", "company_register"], null, "CARIN informal cooperation",
            "Embezzlement of public funds", "Bought with embezzled funds", "Confidential", null, ["en", "ru"], new Dictionary<string, string>())), Viewer.System("officer1"), default);
        await desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default);
        await desk.SendAsync(draft.Id, Viewer.System("officer1"), default);

        Assert.Equal(1, await services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(default));
        var sent = (await requests.GetAsync(draft.Id, default))!;
        Assert.Equal(RequestStatus.Sent, sent.Progress.Status);
        Assert.Equal(sent.Milestones.SentAt!.Value.AddHours(8), sent.Progress.DueAt);

        var messageId = (await services.GetRequiredService<MailOutbox>().ForRequestAsync(draft.Id, default)).Single().MessageId;
        var arrived = await Mailboxes.WaitForAsync(MailTestServers.Partner, messageId);
        Assert.Contains(draft.Number, arrived.Subject, StringComparison.Ordinal);
        var pdfs = arrived.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "", Content);
        Assert.Equal([$"{draft.Number}-en.pdf", $"{draft.Number}-ru.pdf"], pdfs.Keys.Order());
        Assert.Contains("Request for information through CARIN", PdfText(pdfs[$"{draft.Number}-en.pdf"]), StringComparison.Ordinal);
        var russian = PdfText(pdfs[$"{draft.Number}-ru.pdf"]);
        Assert.Contains("Запрос информации по каналу CARIN", russian, StringComparison.Ordinal);
        Assert.Contains("Серік Ахметов (Serik Akhmetov)", russian, StringComparison.Ordinal);

        var reply = Mailboxes.Message(MailTestServers.Partner, arrived.ReplyTo.Mailboxes.Single().Address, "RE: " + arrived.Subject,
            "Please find the Land Registry extract attached.", messageId);
        var body = new Multipart("mixed")
        {
            reply.Body!,
            new MimePart("text", "csv") { FileName = "title-NGL998812.csv", Content = new MimeContent(new MemoryStream("title,proprietor\nNGL998812,Albion Crest Properties Ltd\n"u8.ToArray())) },
        };
        reply.Body = body;
        await Mailboxes.SendAsync(MailTestServers.Partner, reply);

        var receiver = services.GetRequiredService<MailReceiver>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await requests.GetAsync(draft.Id, default))!.Progress.Status != RequestStatus.Acknowledged && DateTime.UtcNow < deadline)
        {
            await receiver.SyncAsync(default);
            await Task.Delay(200);
        }
        var events = await requests.EventsAsync(draft.Id, default);
        Assert.Contains(events, e => e.Event == "acknowledged" && e.Detail!.Contains("1 attachments", StringComparison.Ordinal));

        await desk.RecordAnswerAsync(draft.Id, true, "extract received", [],
            [new EdgeDraft(EdgeKind.RegisteredAt, "demo-albion-crest", "demo-harbour-chambers", JsonSerializer.SerializeToElement(new { }), null!, Id: "answer-fact")],
            Viewer.System("officer1"), default);
        var fact = (await services.GetRequiredService<GraphQueries>().GetEdgeAsync(Viewer.System("test"), "answer-fact", default))!;
        Assert.Equal(UsageRestriction.IntelligenceOnly, fact.Provenance.Restriction);
        var figures = await services.GetRequiredService<RequestFigureReader>().ReadAsync(Viewer.System("test"), default);
        Assert.Equal(1, figures.ByNetwork.Single(t => t.Key == "CARIN").Answered);
    }

    [Fact]
    public async Task Mail_that_matches_no_request_waits_in_the_holding_pen_until_an_officer_assigns_it()
    {
        await using var services = await StartAsync();
        var desk = services.GetRequiredService<RequestDesk>();
        var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal, new RequestBody(
            ["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, "Confidential", null, ["en"],
            new Dictionary<string, string>())), Viewer.System("officer1"), default);
        var subject = "Information on Mr Akhmetov " + Guid.NewGuid().ToString("N")[..6];
        await Mailboxes.SendAsync(MailTestServers.Partner, Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, subject, "No reference, sorry."));

        var pen = services.GetRequiredService<HoldingPen>();
        var receiver = services.GetRequiredService<MailReceiver>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<ThreadedMail> held;
        do
        {
            await receiver.SyncAsync(default);
            held = [.. (await pen.HeldAsync(default)).Where(m => m.Mail.Subject == subject)];
        }
        while (held.Count == 0 && DateTime.UtcNow < deadline);

        var message = Assert.Single(held);
        Assert.StartsWith("holding:", message.MatchedBy, StringComparison.Ordinal);
        await pen.AssignAsync(message.Mail.Id, draft.Id, Viewer.System("officer1"), default);
        Assert.DoesNotContain(await pen.HeldAsync(default), m => m.Mail.Subject == subject);
        Assert.Equal("assigned by officer1", Assert.Single(await pen.ForRequestAsync(Viewer.System("test"), draft.Id, default)).MatchedBy);
        Assert.Contains(await services.GetRequiredService<RequestStore>().EventsAsync(draft.Id, default), e => e.Event == "reply_assigned");
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }
}
