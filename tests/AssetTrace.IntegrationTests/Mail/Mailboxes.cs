using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>The other side of the wire: reads a test mailbox and sends as a test account, with MailKit.</summary>
public static class Mailboxes
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits (on the real clock: Postfix delivers in its own time) until the account's INBOX holds the message.</summary>
    public static async Task<MimeMessage> WaitForAsync(string account, string messageId, TimeSpan? timeout = null)
    {
        var found = await WaitForAllAsync(account, messageId, 1, timeout);
        return found[0];
    }

    /// <summary>Every copy of the message in the account's INBOX, once at least <paramref name="atLeast"/> are there.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAllAsync(string account, string messageId, int atLeast, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        using var client = await ConnectAsync(account);
        var inbox = client.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadOnly);
        while (true)
        {
            var uids = await inbox.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId.Trim('<', '>')));
            if (uids.Count >= atLeast)
            {
                var messages = new List<MimeMessage>();
                foreach (var uid in uids)
                {
                    messages.Add(await inbox.GetMessageAsync(uid));
                }
                await client.DisconnectAsync(true);
                return messages;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messageId} did not reach {account} within {timeout ?? Patience} (found {uids.Count}).");
            }
            await Task.Delay(200);
            await client.NoOpAsync();
        }
    }

    /// <summary>Sends as the account over SMTPS (TLS on connect) with authentication.</summary>
    public static async Task SendAsync(string account, MimeMessage message)
    {
        var (host, port) = MailTestServers.Smtps;
        using var client = new SmtpClient();
        Trust(client);
        await client.ConnectAsync(host, port, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(account, MailTestServers.Password);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Sends stored MIME bytes as they are (STARTTLS, authenticated), with the given envelope.</summary>
    public static async Task SendRawAsync(string account, byte[] mime, string sender, IEnumerable<string> recipients)
    {
        var (host, port) = MailTestServers.Smtp;
        using var client = new SmtpClient();
        Trust(client);
        await client.ConnectAsync(host, port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(account, MailTestServers.Password);
        await client.SendAsync(await MimeMessage.LoadAsync(new MemoryStream(mime)), MailboxAddress.Parse(sender), recipients.Select(MailboxAddress.Parse));
        await client.DisconnectAsync(true);
    }

    /// <summary>A plain message from one test account to another.</summary>
    public static MimeMessage Message(string from, string to, string subject, string text, string? inReplyTo = null)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("carin.example.test") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(inReplyTo.Trim('<', '>'));
        }
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    public static async Task<ImapClient> ConnectAsync(string account)
    {
        var (host, port) = MailTestServers.Imap;
        var client = new ImapClient();
        Trust(client);
        await client.ConnectAsync(host, port, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(account, MailTestServers.Password);
        return client;
    }

    private static void Trust(IMailService client)
    {
        var trusted = X509Certificate2.CreateFromPem(File.ReadAllText(MailTestServers.Certificate));
        client.CheckCertificateRevocation = false;
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(trusted.GetCertHash());
    }
}
