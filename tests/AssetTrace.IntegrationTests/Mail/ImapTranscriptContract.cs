using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Storage;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>IMAP situations a real server will not produce on cue, replayed from edited recordings of Dovecot.</summary>
public abstract class ImapTranscriptContract(StoreKind kind) : IAsyncLifetime
{
    private const uint UidValidity = 1795845729;
    private MailHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MailHarness.StartAsync(kind, realServers: false);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private MailOptions Options => _harness.Get<IOptionsMonitor<MailOptions>>().CurrentValue;

    private async Task<int> SyncOverAsync(string transcript)
    {
        var stream = ScriptedImapStream.Load(Fixtures.Path("mail/" + transcript));
        using var client = new ImapClient();
        await client.ConnectAsync(stream, "imap.transcript.test", 143, SecureSocketOptions.None);
        await client.AuthenticateAsync("desk@assettrace.test", "secret");
        var stored = await _harness.Get<MailReceiver>().SyncAsync(client, Options, default);
        Assert.True(stream.Finished, "the client stopped before the end of the transcript");
        return stored;
    }

    [Fact]
    public async Task A_message_expunged_between_search_and_fetch_is_stepped_over_and_the_rest_is_stored()
    {
        Assert.Equal(2, await SyncOverAsync("imap-expunged-before-fetch.txt"));

        var inbox = _harness.Get<MailInbox>();
        Assert.NotNull(await inbox.FindByMessageIdAsync("<one.0001@carin.example.test>", default));
        Assert.NotNull(await inbox.FindByMessageIdAsync("<three.0003@carin.example.test>", default));
        var state = await _harness.Get<InboxStore>().LoadStateAsync(MailReceiver.Account(Options), "INBOX", default);
        Assert.Equal(new ImapFolderState(UidValidity, 3), state);
    }

    [Fact]
    public async Task A_star_range_answered_with_an_older_uid_fetches_nothing()
    {
        await _harness.Get<InboxStore>().SaveStateAsync(MailReceiver.Account(Options), "INBOX", UidValidity, 3, default);

        Assert.Equal(0, await SyncOverAsync("imap-star-range-returns-older-uid.txt"));
    }
}

public sealed class SqliteImapTranscriptTests() : ImapTranscriptContract(StoreKind.Sqlite);

public sealed class PostgresImapTranscriptTests() : ImapTranscriptContract(StoreKind.Postgres);
