using System.Diagnostics;
using AssetTrace.Benchmarks.Reporting;
using AssetTrace.Benchmarks.Server;
using Microsoft.Playwright;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// The web console's performance (issue #13): the first page after sign-in, the search box's
/// suggestions, expanding a node with 5,000 links and the network view with 1,000 nodes drawn,
/// on the generated graph in SQLite, through the built server and Debian's Chromium.
/// </summary>
public static class ConsoleCommand
{
    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string command)
    {
        ConsoleBenchOptions options;
        try
        {
            options = ConsoleBenchOptions.Parse(args, repositoryRoot);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var ct = CancellationToken.None;
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var store = await ConsoleStore.OpenOrLoadAsync(options, Step, ct);
        Step($"store ready: {store.NodeCount:N0} nodes, {store.EdgeCount:N0} edges, hub {store.HubId}");

        var prefixes = SuggestionTiming.Prefixes(store.Names, options.Prefixes * 2, options.Seed);
        Step($"suggestions: {options.Prefixes} prefixes, after as many others");
        var suggestions = await TimeSuggestionsAsync(store, prefixes, options.Prefixes, ct);
        Step($"suggestions p50/p95/p99 {suggestions.P50:0.#}/{suggestions.Percentile(0.95):0.#}/{suggestions.P99:0.#} ms");

        Step("starting the server");
        await using var server = await ServerProcess.StartAsync(options.ServerDll, store.Store.Settings, Path.Combine(options.Work, "console-server.log"), ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium, Headless = true, Args = ChromiumArguments,
        });
        Step($"first page after sign-in, {options.Runs} runs");
        var firstPage = await FirstPageTiming.RunAsync(browser, server.Address, options.Runs, ct);
        Step($"first page p50/p95 {firstPage.P50:0}/{firstPage.Percentile(0.95):0} ms");
        var hub = await HubTiming.RunAsync(browser, server.Address, store.HubId, options, Step, ct);
        Step($"{hub.NodesDrawn:N0} nodes: frames p50/p95/max {Percentile(hub.Frames, 0.5):0.#}/{Percentile(hub.Frames, 0.95):0.#}/{hub.Frames.DefaultIfEmpty().Max():0.#} ms");

        var report = ConsoleReport.Write(new ConsoleRun(command, started, watch.Elapsed, MachineInfo.Read(), browser.Version, options, store, suggestions, firstPage, hub));
        var output = Path.IsPathRooted(options.Out) ? options.Out : Path.Combine(repositoryRoot, options.Out);
        await File.WriteAllTextAsync(output, report, ct);
        Console.WriteLine($"Wrote {output}");
        return 0;
    }

    private static async Task<Measuring.Latencies> TimeSuggestionsAsync(ConsoleStore store, List<string> prefixes, int count, CancellationToken ct)
    {
        await using var database = store.Store.Open();
        return await SuggestionTiming.RunAsync(database, prefixes[count..], prefixes[..count], ct);
    }

    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var times = new Measuring.Latencies();
        foreach (var value in values)
        {
            times.Add(value);
        }
        return times.Percentile(fraction);
    }

    private static void Step(string message) => Console.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {message}");
}
