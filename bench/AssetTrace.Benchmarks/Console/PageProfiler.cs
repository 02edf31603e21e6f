using Microsoft.Playwright;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// A V8 CPU profile of the page over one timed step, through the DevTools protocol, written as a
/// <c>.cpuprofile</c> file that Chromium's DevTools open (Performance panel, "Load profile"). The console
/// benchmark takes them with <c>--profile DIR</c> to find what a long task is made of (#13); timing runs
/// leave it off, since sampling slows the page.
/// </summary>
public sealed class PageProfiler
{
    private readonly ICDPSession _session;
    private readonly string _directory;

    private PageProfiler(ICDPSession session, string directory) => (_session, _directory) = (session, directory);

    public static async Task<PageProfiler?> AttachAsync(IPage page, string? directory)
    {
        if (directory is null)
        {
            return null;
        }
        Directory.CreateDirectory(directory);
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Profiler.enable");
        // Half a millisecond: fine enough to split a 100 ms task into the functions that make it.
        await session.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 500 });
        return new PageProfiler(session, directory);
    }

    public Task StartAsync() => _session.SendAsync("Profiler.start");

    /// <summary>
    /// Stops sampling and writes the profile as <paramref name="name"/>.cpuprofile, with the page's long
    /// animation frames meanwhile (which script ran, how long the drawing took) as <paramref name="name"/>.frames.json.
    /// </summary>
    public async Task<string> StopAsync(IPage page, string name)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, name + ".frames.json"), await PageProbe.LongFramesAsync(page));
        var result = await _session.SendAsync("Profiler.stop")
            ?? throw new InvalidOperationException("the browser returned no profile.");
        var path = Path.Combine(_directory, name + ".cpuprofile");
        await File.WriteAllTextAsync(path, result.GetProperty("profile").GetRawText());
        return path;
    }
}
