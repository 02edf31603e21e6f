using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using MimeKit;

namespace AssetTrace.UnitTests.Mail;

public sealed class BounceParserTests
{
    private static MimeMessage Load(string fixture) => MimeMessage.Load(new MemoryStream(MailFixtures.Read(fixture)));

    [Fact]
    public void Postfix_user_unknown_gives_the_returned_message_id_status_and_reason()
    {
        var bounce = BounceParser.TryParse(Load("postfix-dsn-user-unknown.eml"));

        Assert.NotNull(bounce);
        Assert.Equal("<b1@x>", bounce.OriginalMessageId);
        Assert.Equal("5.1.1", bounce.Status);
        Assert.True(bounce.IsPermanent);
        Assert.Equal("nobody@carin.example.test: 550 5.1.1 <nobody@carin.example.test> User doesn't exist: nobody@carin.example.test", bounce.Reason);
    }

    [Fact]
    public void With_only_the_headers_returned_and_two_recipients_the_failed_one_counts()
    {
        var bounce = BounceParser.TryParse(Load("dsn-headers-only-two-recipients.eml"));

        Assert.NotNull(bounce);
        Assert.Equal("<0192f0aa-5b1e-7c3d-9e5f-000000000001@assettrace.local>", bounce.OriginalMessageId);
        Assert.Equal("5.2.2", bounce.Status);
        Assert.Equal("focal.point@carin.example.test: 552 5.2.2 Mailbox full", bounce.Reason);
    }

    [Fact]
    public void An_ordinary_message_is_no_bounce()
    {
        var message = new MimeMessage { Subject = "Re: request", Body = new TextPart("plain") { Text = "answer" } };
        Assert.Null(BounceParser.TryParse(message));
    }

    [Fact]
    public void The_inbound_parser_sets_the_bounce_and_keeps_no_report_parts_as_attachments()
    {
        var raw = MailFixtures.Read("postfix-dsn-user-unknown.eml");

        var parsed = InboundParser.Parse(raw, "desk@assettrace.test", new AttachmentPolicy(new InboundOptions()), DateTimeOffset.UnixEpoch);

        Assert.Equal("<b1@x>", parsed.Bounce?.OriginalMessageId);
        Assert.Equal("<20261128060159.CF80DB7E6BA@mail.assettrace.test>", parsed.MessageId);
        Assert.Contains("could not\nbe delivered", parsed.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
