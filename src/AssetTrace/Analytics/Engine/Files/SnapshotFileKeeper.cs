using Microsoft.Extensions.Options;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// The server's side of the snapshot file (#18): at start, when a file is there, the first load starts at
/// once (from the file, in seconds) rather than at the first analytics question; afterwards the file is
/// written in the background after a load from the store and after changes, at most once per interval,
/// never on a request's path. A server without a file loads at the first question, as before, and writes one then.
/// </summary>
public sealed class SnapshotFileKeeper(SnapshotProvider snapshots, IOptions<SnapshotOptions> options, TimeProvider clock, ILogger<SnapshotFileKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (snapshots.FilePath is not { } path)
        {
            return;
        }
        if (File.Exists(path))
        {
            _ = snapshots.WarmAsync();
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0, options.Value.SaveIntervalSeconds));
        try
        {
            while (true)
            {
                await snapshots.ChangedAsync(stoppingToken);
                try
                {
                    await snapshots.SaveAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The graph in memory is unharmed and the server goes on (a failing hosted service would stop it);
                    // the next start reads the store instead of the file.
                    logger.LogWarning(e, "Could not write the analytics snapshot file {Path}", path);
                }
                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a file half written was removed by the writer; the last whole one stays.
        }
    }
}
