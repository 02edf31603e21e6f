namespace AssetTrace.Mail.Sending;

/// <summary>Wakes the outbox worker when something was queued.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Dispose() => _semaphore.Dispose();

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> has passed on <paramref name="clock"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, stop.Token);
        var wake = _semaphore.WaitAsync(stop.Token);
        await Task.WhenAny(delay, wake);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
