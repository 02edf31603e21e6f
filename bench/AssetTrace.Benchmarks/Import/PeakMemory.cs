using System.Globalization;

namespace AssetTrace.Benchmarks.Import;

/// <summary>
/// The peak memory of this process: resident (VmHWM, from /proc, which the kernel keeps exactly)
/// and managed heap (sampled every 20 ms, so a short spike between samples can be missed).
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _managed;

    private PeakMemory() => _sampler = SampleAsync(_stop.Token);

    public static PeakMemory Start() => new();

    public long ManagedBytes => Interlocked.Read(ref _managed);

    public static long ResidentPeakBytes() => Status("VmHWM:");

    public static long ResidentBytes() => Status("VmRSS:");

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            var now = GC.GetTotalMemory(false);
            if (now > Interlocked.Read(ref _managed))
            {
                Interlocked.Exchange(ref _managed, now);
            }
        }
        while (await Next(timer, ct));
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"no {field} in /proc/self/status: the import benchmark measures memory on Linux only.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
