using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Mail.Sending;
using AssetTrace.Storage;
using MailKit;
using MimeKit;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>
/// Receiving from the real Dovecot as the desk. The desk's INBOX is shared by every test of the
/// run, so each test asserts on its own messages (exactly once each), and a fresh store reads them all.
/// </summary>
public abstract class InboxContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MailHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private MailReceiver Receiver => _harness.Get<MailReceiver>();

    /// <summary>Syncs until <paramref name="done"/> holds: Postfix delivers in its own time, on the real clock.</summary>
    private async Task ReceiveUntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await Receiver.SyncAsync(default);
            if (done())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not arrive within {Patience}.");
            }
            await Task.Delay(200);
        }
    }

    private static async Task<string> PartnerSendsToDeskAsync(string subject, string? to = null)
    {
        var message = Mailboxes.Message(MailTestServers.Partner, to ?? MailTestServers.Desk, subject, $"{subject}: answer text");
        await Mailboxes.SendAsync(MailTestServers.Partner, message);
        var id = MessageIds.Bracket(message.MessageId)!;
        await Mailboxes.WaitForAsync(MailTestServers.Desk, id);
        return id;
    }

    private async Task<long> StoredCountAsync(string messageId) =>
        await _harness.Get<Database>().ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM mail_inbox WHERE message_id = @m", default, ("m", messageId)), default);

    [Fact]
    public async Task A_partner_reply_arrives_with_in_reply_to_the_sent_message_id_its_reply_token_and_attachment()
    {
        var sentId = await _harness.EnqueueAsync(new OutgoingMail("req-reply", [MailTestServers.Partner], [], "CARIN request req-reply", "Please answer.", null, []));
        await _harness.Get<OutboxDispatcher>().DeliverDueAsync(default);
        var request = await Mailboxes.WaitForAsync(MailTestServers.Partner, sentId);
        var token = (await _harness.OutboxEntryAsync(sentId)).ReplyToken;

        // The partner answers to the Reply-To address, in the thread, with a land-registry extract.
        var extract = "%PDF-1.4\n% title register extract\n"u8.ToArray();
        var reply = Mailboxes.Message(MailTestServers.Partner, request.ReplyTo.Mailboxes.Single().Address, "Re: " + request.Subject,
            "The flat is owned by Brightwater Holdings Ltd.", inReplyTo: request.MessageId);
        var body = new BodyBuilder { TextBody = "The flat is owned by Brightwater Holdings Ltd." };
        body.Attachments.Add("extract.pdf", extract, new ContentType("application", "pdf"));
        reply.Body = body.ToMessageBody();
        await Mailboxes.SendAsync(MailTestServers.Partner, reply);
        var replyId = MessageIds.Bracket(reply.MessageId)!;

        await ReceiveUntilAsync(() => _harness.Events.ReceivedWith(replyId).Count > 0, "the reply");

        var received = Assert.Single(_harness.Events.ReceivedWith(replyId));
        Assert.Equal(sentId, received.InReplyTo);
        Assert.Equal([sentId], received.References);
        Assert.Equal(token, received.ReplyToken);
        Assert.Equal(MailTestServers.Partner, received.From);
        Assert.Null(received.Bounce);
        Assert.Contains("Brightwater", received.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal(("extract.pdf", "application/pdf", extract.Length), (attachment.FileName, attachment.ContentType, (int)attachment.Size));
        Assert.Equal(InboundParser.Sha256(extract), attachment.Sha256);

        var inbox = _harness.Get<MailInbox>();
        Assert.Equal(extract, (await inbox.ReadAttachmentAsync(attachment.Id, default))!.Content);
        var raw = await inbox.ReadRawAsync(received.Id, default);
        Assert.Equal(replyId, MessageIds.Bracket(MimeMessage.Load(new MemoryStream(raw!)).MessageId));
        var match = await _harness.Get<MailOutbox>().FindRequestAsync(received, default);
        Assert.Equal(new MailThreadMatch("req-reply", sentId, "In-Reply-To"), match);
    }

    [Fact]
    public async Task A_reply_without_thread_headers_is_matched_by_the_reply_token_in_its_address()
    {
        var sentId = await _harness.EnqueueAsync(new OutgoingMail("req-token", [MailTestServers.Partner], [], "CARIN request req-token", "Please answer.", null, []));
        await _harness.Get<OutboxDispatcher>().DeliverDueAsync(default);
        var token = (await _harness.OutboxEntryAsync(sentId)).ReplyToken;

        var replyId = await PartnerSendsToDeskAsync("a new mail, not a reply", ReplyToken.Address(MailTestServers.Desk, token));
        await ReceiveUntilAsync(() => _harness.Events.ReceivedWith(replyId).Count > 0, "the reply");

        var received = Assert.Single(_harness.Events.ReceivedWith(replyId));
        Assert.Null(received.InReplyTo);
        Assert.Equal(token, received.ReplyToken);
        Assert.Equal(new MailThreadMatch("req-token", sentId, "ReplyToken"), await _harness.Get<MailOutbox>().FindRequestAsync(received, default));
    }

    [Fact]
    public async Task A_receiver_stopped_mid_stream_and_restarted_loses_and_doubles_nothing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var first = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            first.Add(await PartnerSendsToDeskAsync($"restart {run} #{i}"));
        }

        // Stop the receiver as soon as it has handed over the second message.
        using var stop = new CancellationTokenSource();
        _harness.Events.OnReceived = mail =>
        {
            if (mail.MessageId == first[1])
            {
                stop.Cancel();
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Receiver.SyncAsync(stop.Token));
        _harness.Events.OnReceived = null;
        Assert.Single(_harness.Events.ReceivedWith(first[0]));
        Assert.Single(_harness.Events.ReceivedWith(first[1]));
        Assert.Empty(_harness.Events.ReceivedWith(first[2]));

        // More mail arrives while it is down; then it starts again on the same store.
        await _harness.RestartAsync();
        var later = new List<string> { await PartnerSendsToDeskAsync($"restart {run} #4"), await PartnerSendsToDeskAsync($"restart {run} #5") };
        var all = first.Concat(later).ToList();
        await ReceiveUntilAsync(() => all.All(id => _harness.Events.ReceivedWith(id).Count > 0), "the five messages");
        await Receiver.SyncAsync(default);

        foreach (var id in all)
        {
            Assert.Single(_harness.Events.ReceivedWith(id));
            Assert.Equal(1, await StoredCountAsync(id));
        }
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_stored_and_reported_once()
    {
        var message = Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, "sent twice", "A partner's client sent this twice.");
        await Mailboxes.SendAsync(MailTestServers.Partner, message);
        await Mailboxes.SendAsync(MailTestServers.Partner, message);
        var id = MessageIds.Bracket(message.MessageId)!;
        Assert.Equal(2, (await Mailboxes.WaitForAllAsync(MailTestServers.Desk, id, 2)).Count);

        await ReceiveUntilAsync(() => _harness.Events.ReceivedWith(id).Count > 0, "the message");
        await Receiver.SyncAsync(default);

        Assert.Single(_harness.Events.ReceivedWith(id));
        Assert.Equal(1, await StoredCountAsync(id));
    }

    [Fact]
    public async Task A_changed_uidvalidity_resyncs_the_folder_without_duplicates()
    {
        var folderName = "uidvalidity-" + Guid.NewGuid().ToString("N")[..8];
        _harness.Set("Mail:Imap:Folders:0", folderName);
        var messages = Enumerable.Range(1, 4).Select(i => Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, $"{folderName} #{i}", $"message {i}")).ToList();
        var ids = messages.Select(m => MessageIds.Bracket(m.MessageId)!).ToList();

        using var desk = await Mailboxes.ConnectAsync(MailTestServers.Desk);
        var folder = await desk.GetFolder(desk.PersonalNamespaces[0]).CreateAsync(folderName, isMessageFolder: true) ?? throw new InvalidOperationException(folderName);
        foreach (var message in messages.Take(3))
        {
            await folder.AppendAsync(message);
        }
        Assert.Equal(3, await Receiver.SyncAsync(default));
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var oldValidity = folder.UidValidity;
        await folder.CloseAsync();

        // The mailbox is deleted and made again (a restore, a server move): same messages, new UIDs and UIDVALIDITY, one more message.
        await folder.DeleteAsync();
        folder = await desk.GetFolder(desk.PersonalNamespaces[0]).CreateAsync(folderName, isMessageFolder: true) ?? throw new InvalidOperationException(folderName);
        foreach (var message in messages)
        {
            await folder.AppendAsync(message);
        }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        Assert.NotEqual(oldValidity, folder.UidValidity);
        var newValidity = folder.UidValidity;
        await desk.DisconnectAsync(true);

        Assert.Equal(1, await Receiver.SyncAsync(default));
        Assert.Equal(0, await Receiver.SyncAsync(default));

        foreach (var id in ids)
        {
            Assert.Single(_harness.Events.ReceivedWith(id));
            Assert.Equal(1, await StoredCountAsync(id));
        }
        var state = await _harness.Get<InboxStore>().LoadStateAsync($"{MailTestServers.Desk}@{MailTestServers.Imap.Host}", folderName, default);
        Assert.Equal(newValidity, state!.UidValidity);
        Assert.Equal(4u, state.LastUid);
    }

    [Fact]
    public async Task A_bounce_from_postfix_fails_the_sent_message_with_its_message_id_and_reason()
    {
        var nobody = MailTestServers.Nobody;
        var sentId = await _harness.EnqueueAsync(new OutgoingMail("req-bounce", [nobody], [], "CARIN request req-bounce", "Please answer.", null, []));
        await _harness.Get<OutboxDispatcher>().DeliverDueAsync(default);
        // Postfix accepted it (the recipient is checked only at delivery), so it counts as sent first.
        Assert.Single(_harness.Events.Sent, s => s.MessageId == sentId);

        await ReceiveUntilAsync(() => _harness.Events.Failed.Any(f => f.MessageId == sentId), "the bounce");

        var failed = Assert.Single(_harness.Events.Failed, f => f.MessageId == sentId);
        Assert.Equal("req-bounce", failed.RequestId);
        Assert.Contains("5.1.1", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(nobody, failed.Reason, StringComparison.Ordinal);
        var bounce = Assert.Single(_harness.Events.Received, m => m.Bounce?.OriginalMessageId == sentId);
        Assert.Equal("5.1.1", bounce.Bounce!.Status);
        Assert.True(bounce.Bounce.IsPermanent);
        Assert.Equal(new MailThreadMatch("req-bounce", sentId, "Bounce"), await _harness.Get<MailOutbox>().FindRequestAsync(bounce, default));
        var entry = await _harness.OutboxEntryAsync(sentId);
        Assert.Equal(OutboxStatus.Failed, entry.Status);
        Assert.Equal([OutboxStatus.Queued, OutboxStatus.Sending, OutboxStatus.Sent, OutboxStatus.Failed], entry.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Attachments_are_kept_whole_unless_too_large_or_not_what_their_type_says()
    {
        _harness.Set("Mail:Inbound:MaxAttachmentBytes", "1000");
        var message = Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, "attachments", "three files");
        var body = new BodyBuilder { TextBody = "three files" };
        var pdf = "%PDF-1.4\nfine\n"u8.ToArray();
        body.Attachments.Add("answer.pdf", pdf, new ContentType("application", "pdf"));
        body.Attachments.Add("invoice.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00], new ContentType("application", "pdf"));
        body.Attachments.Add("scan.pdf", [.. "%PDF-1.4\n"u8, .. new byte[2000]], new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        await Mailboxes.SendAsync(MailTestServers.Partner, message);
        var id = MessageIds.Bracket(message.MessageId)!;

        await ReceiveUntilAsync(() => _harness.Events.ReceivedWith(id).Count > 0, "the message");

        var received = Assert.Single(_harness.Events.ReceivedWith(id));
        var kept = Assert.Single(received.Attachments);
        Assert.Equal(("answer.pdf", InboundParser.Sha256(pdf)), (kept.FileName, kept.Sha256));
        var rejected = await _harness.Get<MailInbox>().RejectedAttachmentsAsync(received.Id, default);
        Assert.Equal(["invoice.pdf", "scan.pdf"], rejected.Select(r => r.FileName));
        Assert.Contains("executable", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("larger than the limit", rejected[1].Reason, StringComparison.Ordinal);
    }
}

public sealed class SqliteInboxTests() : InboxContract(StoreKind.Sqlite);

public sealed class PostgresInboxTests() : InboxContract(StoreKind.Postgres);
