using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Options;

namespace AssetTrace.Mail.Receiving;

/// <summary>
/// Keeps the inbox current while the server runs: one IMAP connection, a sync of every folder,
/// then IMAP IDLE until the server reports new mail (when it supports IDLE and one folder is read),
/// or a poll interval otherwise. A lost connection is reopened after <see cref="ImapOptions.ReconnectDelay"/>.
/// </summary>
public sealed class ImapListener(MailReceiver receiver, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<ImapListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = options.CurrentValue;
            try
            {
                if (string.IsNullOrWhiteSpace(current.Imap.Host))
                {
                    await Task.Delay(current.Imap.PollInterval, clock, stoppingToken);
                    continue;
                }
                await ListenAsync(current, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Operations.Telemetry.AssetTraceTelemetry.ImapPolled(ok: false, 0);
                logger.LogWarning("Reading mail from {Host}:{Port} failed ({Error}); trying again in {Delay}", current.Imap.Host, current.Imap.Port,
                    e.Message, current.Imap.ReconnectDelay);
                await Task.Delay(current.Imap.ReconnectDelay, clock, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(MailOptions current, CancellationToken stop)
    {
        using var client = await MailReceiver.ConnectAsync(current, stop);
        var folders = new List<IMailFolder>();
        foreach (var name in current.Imap.EffectiveFolders)
        {
            folders.Add(await client.GetFolderAsync(name, stop));
        }
        var idle = current.Imap.UseIdle && folders.Count == 1 && client.Capabilities.HasFlag(ImapCapabilities.Idle);
        logger.LogInformation("Reading mail from {Host}:{Port} ({Folders}) with {Mode}", current.Imap.Host, current.Imap.Port,
            string.Join(", ", folders.Select(f => f.FullName)), idle ? "IDLE" : $"a poll every {current.Imap.PollInterval}");

        var changed = 0;
        CancellationTokenSource? waking = null;
        void OnCountChanged(object? sender, EventArgs e)
        {
            Interlocked.Exchange(ref changed, 1);
            waking?.Cancel();
        }
        // Subscribed before the first sync: a message that lands while we fetch is not missed by the IDLE after it.
        folders[0].CountChanged += OnCountChanged;
        try
        {
            while (!stop.IsCancellationRequested && client.IsConnected)
            {
                Interlocked.Exchange(ref changed, 0);
                foreach (var folder in folders)
                {
                    Operations.Telemetry.AssetTraceTelemetry.ImapPolled(ok: true, await receiver.SyncFolderAsync(client, folder, current, stop));
                }
                if (!idle)
                {
                    await Task.Delay(current.Imap.PollInterval, clock, stop);
                    await client.NoOpAsync(stop);
                    continue;
                }
                if (Volatile.Read(ref changed) == 1)
                {
                    continue;
                }
                var restart = new CancellationTokenSource(current.Imap.IdleRestart, clock);
                waking = restart;
                try
                {
                    await client.IdleAsync(restart.Token, stop);
                }
                finally
                {
                    // Cleared before it is disposed, so a late CountChanged never cancels a disposed source.
                    waking = null;
                    restart.Dispose();
                }
            }
        }
        finally
        {
            folders[0].CountChanged -= OnCountChanged;
        }
        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
    }
}
