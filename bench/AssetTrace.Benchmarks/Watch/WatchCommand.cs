using System.Diagnostics;
using System.Globalization;
using System.Net;
using AssetTrace.Graph.Schema;
using AssetTrace.Hosting;
using AssetTrace.Watch;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AssetTrace.Benchmarks.Watch;

/// <summary>
/// <c>watch [--pages N] [--grow 10]</c> (#15): pages per second fetched, snapshotted, parsed and matched by the
/// watch from a loopback site of N pages (each links to the next; one in fifty names the demo subject),
/// politeness off, on the embedded SQLite store with the demo case; then the same on a site <c>--grow</c>
/// times larger, to show whether the memory a crawl holds grows with the site.
/// </summary>
public static class WatchCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string command)
    {
        var pages = Option(args, "--pages", 10_000);
        var grow = Option(args, "--grow", 10);
        Console.WriteLine($"# {command}");
        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeVersion()}");
        await using var site = await BenchSite.StartAsync();
        foreach (var size in new[] { pages / grow, pages })
        {
            var (elapsed, heap, peak, run) = await CrawlAsync(site.Port, size);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pages {size,7}: {run.Changed / elapsed.TotalSeconds,6:0} pages/s ({elapsed.TotalSeconds:0.0} s; {run.Changed} changed, {run.Failed} failed, {run.Leads} leads); managed heap after the run {heap / 1048576.0:0.0} MB, peak working set {peak / 1048576.0:0} MB"));
        }
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, long Heap, long Peak, WatchRun Run)> CrawlAsync(int port, int size)
    {
        var folder = Path.Combine(Path.GetTempPath(), "assettrace-bench-watch-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder, ["Demo:Load"] = "true", ["Watch:SourcesDirectory"] = Path.Combine(folder, "none") };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration).AddWatch(configuration).BuildServiceProvider();
        try
        {
            await CoreServices.PrepareStoreAsync(services, configuration, CancellationToken.None);
            var source = SourceFileReader.Read("bench.json", $$"""
                {
                  "name": "bench", "kind": "html", "startUrls": ["http://127.0.0.1:{{port}}/p/0?last={{size - 1}}"], "schedule": "0 0 6 * * ?",
                  "politeness": { "requestsPerMinutePerHost": 0, "robotsTxt": false, "userAgent": "AssetTrace-Bench/1.0 (bench@prokuror.example)", "allowedPrivateHosts": ["127.0.0.1"] },
                  "limits": { "maxPages": {{size}}, "maxDepth": 0 },
                  "pagination": { "next": "a.next" },
                  "records": { "item": "article", "kind": "Person", "properties": { "title": "h1", "text": "p" }, "matchText": ["title", "text"] }
                }
                """, services.GetRequiredService<GraphSchema>());
            var started = Stopwatch.GetTimestamp();
            var run = await services.GetRequiredService<CrawlRunner>().RunAsync(source, "bench", CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return (elapsed, GC.GetTotalMemory(forceFullCollection: true), Process.GetCurrentProcess().PeakWorkingSet64, run);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }
        return fallback;
    }

    private static string RuntimeVersion() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    /// <summary>A news site of numbered pages, each about 6 KB, each linking to the next; every fiftieth names the demo subject in a Latin spelling.</summary>
    private sealed class BenchSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BenchSite(WebApplication app, int port) => (_app, Port) = (app, port);

        public int Port { get; }

        public static async Task<BenchSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var filler = string.Concat(Enumerable.Repeat("<p>The regional court heard appeals on procurement contracts and land allocations this week. </p>", 60));
            app.MapGet("/p/{n:int}", (int n, int last) => Results.Content(
                $"<html><body><article><h1>Item {n}</h1><p>{(n % 50 == 7 ? "Serik Achmetov" : "A local official")} was named in a report on item {n}.</p>{filler}</article>"
                + (n < last ? $"<a class=\"next\" href=\"/p/{n + 1}?last={last}\">next</a>" : "") + "</body></html>", "text/html; charset=utf-8"));
            await app.StartAsync();
            var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
            return new BenchSite(app, port);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
