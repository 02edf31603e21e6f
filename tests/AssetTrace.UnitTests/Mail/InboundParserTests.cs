using System.Text;
using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;

namespace AssetTrace.UnitTests.Mail;

public sealed class InboundParserTests
{
    private static readonly AttachmentPolicy Policy = new(new InboundOptions());

    private static ParsedInbound Parse(string raw) =>
        InboundParser.Parse(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")), "desk@assettrace.test", Policy, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Thread_headers_token_in_cc_and_html_only_body_are_read()
    {
        var parsed = Parse("""
            From: Focal Point <focal.point@carin.example.test>
            To: someone@assettrace.test
            Cc: desk+k7m2p9qrstuvwxyz@assettrace.test
            Subject: =?utf-8?B?0J7RgtCy0LXRgg==?=
            Date: Mon, 23 Nov 2026 10:15:02 +0100
            Message-ID: <answer-1@carin.example.test>
            In-Reply-To: <sent-2@assettrace.local>
            References: <sent-1@assettrace.local> <sent-2@assettrace.local>
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <p>The owner is <b>Brightwater&nbsp;Holdings</b>.</p>
            """);

        Assert.Equal("<answer-1@carin.example.test>", parsed.MessageKey);
        Assert.Equal("<sent-2@assettrace.local>", parsed.InReplyTo);
        Assert.Equal(["<sent-1@assettrace.local>", "<sent-2@assettrace.local>"], parsed.References);
        Assert.Equal("k7m2p9qrstuvwxyz", parsed.ReplyToken);
        Assert.Equal("Ответ", parsed.Subject);
        Assert.Equal("focal.point@carin.example.test", parsed.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 15, 2, TimeSpan.Zero), parsed.Date);
        Assert.Equal("The owner is Brightwater\u00a0Holdings .", parsed.TextBody);
    }

    [Fact]
    public void A_message_without_message_id_is_keyed_by_the_digest_of_its_bytes()
    {
        const string raw = """
            From: partner@carin.example.test
            To: desk@assettrace.test
            Subject: no id

            body
            """;

        var first = Parse(raw);
        var again = Parse(raw);

        Assert.StartsWith("sha256:", first.MessageKey, StringComparison.Ordinal);
        Assert.Equal(first.MessageKey, again.MessageKey);
        Assert.Equal($"<{first.RawSha256}@no-message-id.invalid>", first.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), first.Date);
    }

    [Fact]
    public void Attachment_names_lose_their_directories_and_keep_their_digest()
    {
        var parsed = Parse("""
            From: partner@carin.example.test
            To: desk@assettrace.test
            Subject: files
            Message-ID: <files@carin.example.test>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            see attached
            --b
            Content-Type: application/pdf
            Content-Disposition: attachment; filename="../../windows/extract.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b--
            """);

        var attachment = Assert.Single(parsed.Attachments);
        Assert.Equal("extract.pdf", attachment.FileName);
        Assert.Equal("%PDF-1.4\n"u8.ToArray(), attachment.Content);
        Assert.Equal(InboundParser.Sha256("%PDF-1.4\n"u8), attachment.Sha256);
        Assert.Null(attachment.RejectedBecause);
    }
}
