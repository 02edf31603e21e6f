using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>The background receiver against the real Dovecot: woken by IMAP IDLE, or polling on the (fake) clock.</summary>
public abstract class ImapListenerContract(StoreKind kind) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MailHarness _harness = null!;

    public async Task InitializeAsync() =>
        // A poll interval the fake clock never reaches unless a test moves it.
        _harness = await MailHarness.StartAsync(kind, settings => settings["Mail:Imap:PollInterval"] = "01:00:00");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ImapListener Listener() =>
        new(_harness.Get<MailReceiver>(), _harness.Get<IOptionsMonitor<MailOptions>>(), _harness.Clock, NullLogger<ImapListener>.Instance);

    private static async Task<string> PartnerSendsToDeskAsync(string subject)
    {
        var message = Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, subject, subject);
        await Mailboxes.SendAsync(MailTestServers.Partner, message);
        return MessageIds.Bracket(message.MessageId)!;
    }

    /// <summary>Waits on the real clock, moving the fake one by <paramref name="tick"/> each round when given.</summary>
    private async Task WaitForAsync(string messageId, TimeSpan? tick = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (_harness.Events.ReceivedWith(messageId).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messageId} was not received within {Patience}.");
            }
            if (tick is { } step)
            {
                _harness.Clock.Advance(step);
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task With_idle_a_new_message_is_received_without_the_clock_moving()
    {
        using var listener = Listener();
        await listener.StartAsync(default);
        try
        {
            // The first is taken by the first sync or by IDLE; the second can only come through IDLE.
            var first = await PartnerSendsToDeskAsync("idle #1");
            await WaitForAsync(first);
            var second = await PartnerSendsToDeskAsync("idle #2");
            await WaitForAsync(second);
            Assert.Single(_harness.Events.ReceivedWith(second));
        }
        finally
        {
            await listener.StopAsync(default);
        }
    }

    [Fact]
    public async Task Without_idle_the_listener_polls_at_its_interval()
    {
        _harness.Set("Mail:Imap:UseIdle", "false");
        _harness.Set("Mail:Imap:PollInterval", "00:01:00");
        using var listener = Listener();
        await listener.StartAsync(default);
        try
        {
            var first = await PartnerSendsToDeskAsync("poll #1");
            await Mailboxes.WaitForAsync(MailTestServers.Desk, first);
            await WaitForAsync(first, tick: TimeSpan.FromMinutes(1));
            var second = await PartnerSendsToDeskAsync("poll #2");
            await Mailboxes.WaitForAsync(MailTestServers.Desk, second);
            await WaitForAsync(second, tick: TimeSpan.FromMinutes(1));
            Assert.Single(_harness.Events.ReceivedWith(second));
        }
        finally
        {
            await listener.StopAsync(default);
        }
    }
}

public sealed class SqliteImapListenerTests() : ImapListenerContract(StoreKind.Sqlite);

public sealed class PostgresImapListenerTests() : ImapListenerContract(StoreKind.Postgres);
