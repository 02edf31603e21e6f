using AssetTrace.Common;
using AssetTrace.Mail;
using AssetTrace.Mail.Sending;
using MimeKit;

namespace AssetTrace.UnitTests.Mail;

public sealed class OutgoingMessageBuilderTests
{
    [Fact]
    public void Bad_input_is_refused_naming_each_field()
    {
        var mail = new OutgoingMail("", [], ["not an address"], " ", "text", null, [new MailAttachment("", "pdf", [])]);

        var error = Assert.Throws<UserInputException>(() => OutgoingMessageBuilder.Validate(mail));

        Assert.Equal(["mail.requestId", "mail.to", "mail.cc", "mail.subject", "mail.attachments"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task The_message_carries_its_id_reply_to_token_thread_and_is_seven_bit_clean()
    {
        var options = new MailOptions { Smtp = { From = "Desk <desk@assettrace.test>" } };
        var mail = new OutgoingMail("req-1", ["partner@carin.example.test"], [], "Запрос", "Просим предоставить сведения.", null, [], InReplyTo: "<earlier@assettrace.local>");

        var message = await new OutgoingMessageBuilder(options).BuildAsync(mail, "<id-1@assettrace.local>", "k7m2p9qrstuvwxyz", DateTimeOffset.UnixEpoch, default);

        Assert.Equal("id-1@assettrace.local", message.MessageId);
        Assert.Equal("desk+k7m2p9qrstuvwxyz@assettrace.test", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("k7m2p9qrstuvwxyz", message.Headers[ReplyToken.Header]);
        Assert.Equal("earlier@assettrace.local", message.InReplyTo);
        using var stream = new MemoryStream();
        await message.WriteToAsync(stream);
        Assert.All(stream.ToArray(), b => Assert.True(b < 0x80));
        Assert.Equal("Просим предоставить сведения.", MimeMessage.Load(new MemoryStream(stream.ToArray())).TextBody);
    }
}
