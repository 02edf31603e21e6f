using AssetTrace.Mail.Sending;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;

namespace AssetTrace.Mail.Receiving;

/// <summary>
/// Fetches new mail from the configured IMAP folders into the inbox. Each folder resumes after the
/// last UID stored under the same UIDVALIDITY; when the server reports another UIDVALIDITY the UIDs
/// mean nothing any more, so the whole folder is read again and messages already stored (same
/// Message-ID) are skipped without downloading them.
/// </summary>
public sealed class MailReceiver(InboxStore store, IOptionsMonitor<MailOptions> options, TimeProvider clock, MailNotifier notifier,
    ILogger<MailReceiver> logger)
{
    /// <summary>Connects, brings every configured folder up to date, disconnects; returns how many new messages were stored.</summary>
    public async Task<int> SyncAsync(CancellationToken ct)
    {
        var current = options.CurrentValue;
        using var client = await ConnectAsync(current, ct);
        return await SyncAsync(client, current, ct);
    }

    /// <summary>The same over a client that is connected and signed in already (a test gives one that replays a transcript).</summary>
    internal async Task<int> SyncAsync(ImapClient client, MailOptions current, CancellationToken ct)
    {
        var stored = 0;
        foreach (var name in current.Imap.EffectiveFolders)
        {
            stored += await SyncFolderAsync(client, await client.GetFolderAsync(name, ct), current, ct);
        }
        await client.DisconnectAsync(quit: true, ct);
        return stored;
    }

    internal static async Task<ImapClient> ConnectAsync(MailOptions current, CancellationToken ct)
    {
        var imap = current.Imap;
        if (string.IsNullOrWhiteSpace(imap.Host))
        {
            throw new InvalidOperationException("Mail:Imap:Host is not set: there is no mailbox to read.");
        }
        var client = new ImapClient();
        try
        {
            MailTls.Configure(client, current, imap.Timeout);
            await client.ConnectAsync(imap.Host, imap.Port, imap.Security.ToSocketOptions(), ct);
            await client.AuthenticateAsync(imap.Username ?? "", imap.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    internal static string Account(MailOptions current) => $"{current.Imap.Username}@{current.Imap.Host}";

    /// <summary>Opens the folder read-only and stores every message after the last one seen; leaves the folder open (for IDLE).</summary>
    internal async Task<int> SyncFolderAsync(ImapClient client, IMailFolder folder, MailOptions current, CancellationToken ct)
    {
        if (!folder.IsOpen)
        {
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
        }
        var account = Account(current);
        var state = await store.LoadStateAsync(account, folder.FullName, ct);
        uint last = 0;
        if (state is not null && state.UidValidity == folder.UidValidity)
        {
            last = state.LastUid;
        }
        else if (state is not null)
        {
            logger.LogWarning("UIDVALIDITY of {Folder} changed from {Old} to {New}: reading the folder again, skipping messages already stored",
                folder.FullName, state.UidValidity, folder.UidValidity);
        }
        if (state is null || state.UidValidity != folder.UidValidity)
        {
            await store.SaveStateAsync(account, folder.FullName, folder.UidValidity, 0, ct);
        }
        if (folder.Count == 0)
        {
            return 0;
        }

        var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(folder.UidValidity, last + 1), UniqueId.MaxValue)), ct);
        // Note: "n:*" always takes in the newest message, even when its UID is below n (RFC 3501 §6.4.8), so filter again.
        var fresh = uids.Where(u => u.Id > last).OrderBy(u => u.Id).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        var summaries = await folder.FetchAsync(fresh, MessageSummaryItems.UniqueId | MessageSummaryItems.Envelope, ct);
        var messageIds = summaries.ToDictionary(s => s.UniqueId.Id, s => MessageIds.Bracket(s.Envelope?.MessageId));
        var desk = OutgoingMessageBuilder.DeskAddress(current);
        var policy = new AttachmentPolicy(current.Inbound);
        var stored = 0;
        uint skippedTo = 0;
        foreach (var uid in fresh)
        {
            if (messageIds.GetValueOrDefault(uid.Id) is { } known && await store.IsKnownAsync(known, ct))
            {
                // Stored before (a resync after a UIDVALIDITY change, or a copy in a second folder): not downloaded again.
                skippedTo = uid.Id;
                continue;
            }
            byte[] raw;
            try
            {
                raw = await DownloadAsync(folder, uid, ct);
            }
            catch (MessageNotFoundException)
            {
                // Note: another client expunged it between our SEARCH and FETCH (the server answers OK with no data).
                // It is gone for good from this folder; stepping over it keeps the folder from being stuck on it.
                logger.LogWarning("{Folder} UID {Uid} was expunged before it could be fetched; skipped", folder.FullName, uid.Id);
                skippedTo = uid.Id;
                continue;
            }
            var parsed = InboundParser.Parse(raw, desk, policy, clock.GetUtcNow());
            var id = await store.StoreAsync(parsed, raw, account, folder.FullName, folder.UidValidity, uid.Id, ct);
            if (id is not null)
            {
                stored++;
                logger.LogInformation("Received {MessageId} from {From} ({Folder} UID {Uid})", parsed.MessageId, parsed.From, folder.FullName, uid.Id);
                await notifier.NotifyPendingAsync(ct);
            }
        }
        if (skippedTo > 0 && skippedTo == fresh[^1].Id)
        {
            await store.SaveStateAsync(account, folder.FullName, folder.UidValidity, skippedTo, ct);
        }
        return stored;
    }

    private static async Task<byte[]> DownloadAsync(IMailFolder folder, UniqueId uid, CancellationToken ct)
    {
        // Note: GetStreamAsync fetches BODY.PEEK[]: the bytes as the server holds them, without setting \Seen.
        await using var stream = await folder.GetStreamAsync(uid, ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}
