using System.Diagnostics;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Cli;

/// <summary>A one-line progress bar on standard error: percentage, rate and time left; quiet when output is redirected.</summary>
public sealed class ConsoleProgress : IProgress<ImportProgress>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(ImportProgress value)
    {
        if (!_enabled)
        {
            return;
        }
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = value.BytesRead / seconds;
        var text = $"{value.File}: {value.BytesRead / 1048576.0:N1} MiB, {value.Records:N0} records, {rate / 1048576.0:N1} MiB/s, {value.Records / seconds:N0} records/s";
        if (value.TotalBytes is > 0 and var total)
        {
            var fraction = Math.Min(1.0, value.BytesRead / (double)total);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - value.BytesRead) / rate) : TimeSpan.Zero;
            var filled = (int)(fraction * 30);
            text = $"[{new string('#', filled)}{new string('.', 30 - filled)}] {fraction:P0} {text}, ETA {eta:hh\\:mm\\:ss}";
        }
        Console.Error.Write($"\r{text}");
        _drawn = true;
    }

    public void Done()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    public void Dispose() => Done();
}
