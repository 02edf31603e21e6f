using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Mail;
using AssetTrace.Mail.Sending;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>Sending through the real Postfix: the outbox, its retries, and what arrives at the partner.</summary>
public abstract class OutboxContract(StoreKind kind) : IAsyncLifetime
{
    private MailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MailHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private OutboxDispatcher Dispatcher => _harness.Get<OutboxDispatcher>();

    private static OutgoingMail Request(string requestId, string to, params MailAttachment[] attachments) =>
        new(requestId, [to], [], $"CARIN request {requestId}: London flat, 12 Kensington Gardens",
            "Dear colleague,\nplease tell us who owns the flat.\nУважаемые коллеги, просим сообщить сведения о собственнике.", "<p>Dear colleague,</p>",
            attachments);

    [Fact]
    public async Task Sent_mail_arrives_at_the_partner_with_its_message_id_reply_token_and_attachment()
    {
        var pdf = "%PDF-1.7\n% a request letter\n"u8.ToArray();
        var messageId = await _harness.EnqueueAsync(Request("req-arrives", MailTestServers.Partner, new MailAttachment("request.pdf", "application/pdf", pdf)));

        var queued = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(OutboxStatus.Queued, queued.Status);
        Assert.Matches("^<[0-9a-f]{32}@assettrace.test>$", messageId);

        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));

        var sent = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal([OutboxStatus.Queued, OutboxStatus.Sending, OutboxStatus.Sent], sent.History.Select(h => h.Status));
        Assert.Equal([("req-arrives", messageId)], _harness.Events.Sent.Select(s => (s.RequestId, s.MessageId)));

        var arrived = await Mailboxes.WaitForAsync(MailTestServers.Partner, messageId);
        Assert.Equal(messageId, MessageIds.Bracket(arrived.MessageId));
        Assert.Equal(sent.ReplyToken, arrived.Headers[ReplyToken.Header]);
        Assert.Equal(ReplyToken.Address(MailTestServers.Desk, sent.ReplyToken), arrived.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("просим сообщить сведения", arrived.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(arrived.Attachments));
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());
    }

    [Fact]
    public async Task While_smtp_is_down_mail_stays_queued_with_backoff_and_is_sent_exactly_once_when_it_returns()
    {
        var (_, realPort) = MailTestServers.Smtp;
        _harness.Set("Mail:Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var messageId = await _harness.EnqueueAsync(Request("req-outage", MailTestServers.Partner));
        var start = _harness.Clock.GetUtcNow();

        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));
        var first = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(OutboxStatus.Queued, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.NotNull(first.LastError);
        Assert.Equal(start + TimeSpan.FromSeconds(30), first.NextAttemptAt);

        _harness.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));
        var second = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(_harness.Clock.GetUtcNow() + TimeSpan.FromSeconds(60), second.NextAttemptAt);

        // The server is back; the message waits for its turn, then goes once.
        _harness.Set("Mail:Smtp:Port", realPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync(default));
        _harness.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync(default));

        var sent = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Single(_harness.Events.Sent, s => s.MessageId == messageId);
        Assert.Empty(_harness.Events.Failed);
        Assert.Single(await Mailboxes.WaitForAllAsync(MailTestServers.Partner, messageId, 1));
    }

    [Fact]
    public async Task A_send_cut_off_by_a_crash_is_taken_up_after_its_lease_and_arrives_once()
    {
        var messageId = await _harness.EnqueueAsync(Request("req-crash", MailTestServers.Partner));
        var options = _harness.Get<IOptionsMonitor<MailOptions>>().CurrentValue.Outbox;
        // Marked 'sending', then the process dies before it talks to the server.
        Assert.Single(await Dispatcher.ClaimDueAsync(options, default));
        await _harness.RestartAsync();

        // Another server could still be sending it: nothing happens until the lease has run out.
        Assert.Equal(0, await Dispatcher.DeliverDueAsync(default));
        Assert.Equal(OutboxStatus.Sending, (await _harness.OutboxEntryAsync(messageId)).Status);
        _harness.Clock.Advance(options.SendingLease);
        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));

        var sent = await _harness.OutboxEntryAsync(messageId);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Contains(sent.History, h => h.Detail?.Contains("did not finish", StringComparison.Ordinal) == true);
        Assert.Single(_harness.Events.Sent, s => s.MessageId == messageId);
        Assert.Single(await Mailboxes.WaitForAllAsync(MailTestServers.Partner, messageId, 1));
    }

    [Fact]
    public async Task A_crash_after_the_server_accepted_gives_a_second_copy_with_the_same_message_id_and_one_sent_report()
    {
        // The window docs/MAIL.md describes: the server has the message, the process dies before it records that.
        var messageId = await _harness.EnqueueAsync(Request("req-window", MailTestServers.Partner));
        var options = _harness.Get<IOptionsMonitor<MailOptions>>().CurrentValue;
        var claimed = Assert.Single(await Dispatcher.ClaimDueAsync(options.Outbox, default));
        await Mailboxes.SendRawAsync(MailTestServers.Desk, claimed.Mime, claimed.Sender, claimed.Recipients);
        await _harness.RestartAsync();

        _harness.Clock.Advance(options.Outbox.SendingLease);
        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));

        var copies = await Mailboxes.WaitForAllAsync(MailTestServers.Partner, messageId, 2);
        Assert.Equal(2, copies.Count);
        Assert.All(copies, copy => Assert.Equal(messageId, MessageIds.Bracket(copy.MessageId)));
        Assert.Single(_harness.Events.Sent, s => s.MessageId == messageId);
        Assert.Equal(OutboxStatus.Sent, (await _harness.OutboxEntryAsync(messageId)).Status);
    }

    [Fact]
    public async Task The_worker_sends_as_soon_as_mail_is_queued_without_waiting_for_its_poll()
    {
        using var worker = new OutboxWorker(Dispatcher, _harness.Get<OutboxSignal>(), _harness.Get<IOptionsMonitor<MailOptions>>(), _harness.Clock,
            NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(default);
        try
        {
            // The fake clock never reaches the poll interval: only the wake-up from EnqueueAsync can send it.
            var messageId = await _harness.EnqueueAsync(Request("req-worker", MailTestServers.Partner));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!_harness.Events.Sent.Any(s => s.MessageId == messageId))
            {
                Assert.True(DateTime.UtcNow < deadline, "the worker did not send the queued mail within 30 s");
                await Task.Delay(100);
            }
        }
        finally
        {
            await worker.StopAsync(default);
        }
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_fails_the_message_for_good_and_the_next_one_still_goes()
    {
        // The test Postfix refuses a recipient whose domain has no dot with a 5xx at RCPT time.
        var refusedId = await _harness.EnqueueAsync(Request("req-refused", "focal.point@localhost"));
        var nextId = await _harness.EnqueueAsync(Request("req-next", MailTestServers.Partner));

        Assert.Equal(2, await Dispatcher.DeliverDueAsync(default));

        var refused = await _harness.OutboxEntryAsync(refusedId);
        Assert.Equal(OutboxStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("focal.point@localhost", refused.LastError, StringComparison.Ordinal);
        var failed = Assert.Single(_harness.Events.Failed);
        Assert.Equal(("req-refused", refusedId), (failed.RequestId, failed.MessageId));
        Assert.StartsWith("5", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await _harness.OutboxEntryAsync(nextId)).Status);
        await Mailboxes.WaitForAsync(MailTestServers.Partner, nextId);

        // Failed for good: later rounds leave it alone.
        _harness.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Dispatcher.DeliverDueAsync(default));
        Assert.Single(_harness.Events.Failed);
    }

    [Fact]
    public async Task Smime_signed_mail_over_tls_on_connect_arrives_with_a_valid_signature()
    {
        var (host, port) = MailTestServers.Smtps;
        using var certificate = SelfSignedSigningCertificate(MailTestServers.Desk);
        using var scratch = new TempFolder();
        var pfx = scratch["signing.pfx"];
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "signing-test"));
        _harness.Set("Mail:Smtp:Host", host);
        _harness.Set("Mail:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _harness.Set("Mail:Smtp:Security", "SslOnConnect");
        _harness.Set("Mail:Smime:CertificateFile", pfx);
        _harness.Set("Mail:Smime:CertificatePassword", "signing-test");

        var messageId = await _harness.EnqueueAsync(Request("req-signed", MailTestServers.Partner, new MailAttachment("request.pdf", "application/pdf", "%PDF-1.7\n"u8.ToArray())));
        Assert.Equal(1, await Dispatcher.DeliverDueAsync(default));

        var arrived = await Mailboxes.WaitForAsync(MailTestServers.Partner, messageId);
        var signed = Assert.IsType<MultipartSigned>(arrived.Body);
        using var context = new TemporarySecureMimeContext();
        var signature = Assert.Single(await signed.VerifyAsync(context));
        // Self-signed, so the chain is not trusted; the signature over the content must still hold.
        Assert.True(signature.Verify(verifySignatureOnly: true));
        Assert.Equal(certificate.Thumbprint, signature.SignerCertificate!.Fingerprint, ignoreCase: true);
        Assert.Contains("who owns the flat", arrived.TextBody, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static X509Certificate2 SelfSignedSigningCertificate(string address)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=AssetTrace request desk, E={address}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], critical: false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddEmailAddress(address);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }
}

public sealed class SqliteOutboxTests() : OutboxContract(StoreKind.Sqlite);

public sealed class PostgresOutboxTests() : OutboxContract(StoreKind.Postgres);
