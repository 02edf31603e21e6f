using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using Microsoft.Playwright;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>What expanding the hub (5,000 links) and growing the view to 1,000 nodes cost in the browser.</summary>
public sealed record HubResult(
    int LinksPerStep, Latencies Open, Latencies OpenLongest, Latencies Step, Latencies StepLongest,
    int NodesDrawn, double LastStep, double LastStepLongest, double[] Frames, double FramesLongest, string? NoLongTasks);

/// <summary>
/// The network view on the hub: opening its network draws the hub with its first links; each
/// "show more" click adds the next links. Timed in the page's clock until the list of nodes in view
/// has them and two animation frames have passed (the canvas is drawn in the same turn as the list,
/// see network.js's add); the longest main-thread task in each is what "without freezing" means.
/// Then more is shown until 1,000 nodes are drawn, and the frames of a pan and zoom are timed.
/// </summary>
public static class HubTiming
{
    public const int NodesForFrames = 1_000;

    public static async Task<HubResult> RunAsync(IBrowser browser, Uri server, string hubId, ConsoleBenchOptions options, Action<string> step, CancellationToken ct)
    {
        var (runs, growBudget) = (options.Runs, options.GrowBudget);
        var page = await PageProbe.OpenAsync(browser);
        var profiler = await PageProfiler.AttachAsync(page, options.Profile);
        await page.GotoAsync(new Uri(server, "/signin").ToString());
        await page.FillAsync("#signin-username", BenchStore.Username);
        await page.FillAsync("#signin-password", BenchStore.Password);
        await page.ClickAsync("#signin-form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-ready=interactive]", new PageWaitForSelectorOptions { Timeout = 60_000 });

        var open = new Latencies();
        var openLongest = new Latencies();
        var step1 = new Latencies();
        var stepLongest = new Latencies();
        var perStep = 0;
        for (var run = -1; run < runs; run++)
        {
            ct.ThrowIfCancellationRequested();
            var profiled = profiler is not null && run == runs - 1;
            if (profiled)
            {
                await profiler!.StartAsync();
            }
            await page.GotoAsync(new Uri(server, $"/network/{hubId}").ToString());
            await page.WaitForSelectorAsync("#network-canvas canvas", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var first = await page.Locator("ul.nodes-in-view li").CountAsync();
            await PageProbe.WaitDrawnAsync(page, first);
            // Drawn: the canvas is there and the list it was drawn from painted, whichever came later.
            var opened = Math.Max(await PageProbe.CanvasAtAsync(page) ?? 0, await PageProbe.DrawnAtAsync(page, first) ?? 0);
            var openedLongest = await PageProbe.LongestTaskAsync(page);
            if (profiled)
            {
                step($"profile: {await profiler!.StopAsync(page, "hub-open")}");
                await profiler.StartAsync();
            }

            await PageProbe.ResetLongTasksAsync(page);
            await page.ClickAsync($"li[data-node={hubId}] button.more");
            await PageProbe.WaitDrawnAsync(page, first + 1);
            var clicked = await PageProbe.ClickAtAsync(page) ?? throw new InvalidOperationException("the probe saw no click.");
            var drawn = await PageProbe.DrawnAtAsync(page, first + 1) ?? throw new InvalidOperationException("the probe saw nothing drawn.");
            var after = await page.Locator("ul.nodes-in-view li").CountAsync();
            perStep = after - first;
            if (profiled)
            {
                step($"profile: {await profiler!.StopAsync(page, "hub-show-more")}");
            }
            if (run >= 0)
            {
                open.Add(opened);
                openLongest.Add(openedLongest);
                step1.Add(drawn - clicked);
                stepLongest.Add(await PageProbe.LongestTaskAsync(page));
            }
        }
        step($"hub: open p50 {open.P50:0} ms, show more p50 {step1.P50:0} ms ({perStep} nodes a step)");

        // Grow the view: show more until 1,000 nodes are in it, the last step timed like the first; each
        // step lays the whole view out again, so growing stops when the budget is spent, and the frames
        // are timed with what is drawn by then.
        var count = await page.Locator("ul.nodes-in-view li").CountAsync();
        double lastStep = 0, lastLongest = 0;
        var growing = System.Diagnostics.Stopwatch.StartNew();
        while (count < NodesForFrames && growing.Elapsed < growBudget)
        {
            ct.ThrowIfCancellationRequested();
            await PageProbe.ResetLongTasksAsync(page);
            var profiled = profiler is not null && count + perStep >= NodesForFrames;
            if (profiled)
            {
                await profiler!.StartAsync();
            }
            await page.ClickAsync($"li[data-node={hubId}] button.more", new PageClickOptions { Timeout = 120_000 });
            await PageProbe.WaitDrawnAsync(page, count + 1, 300_000);
            if (profiled)
            {
                // What follows the drawing (pictures of the nodes made again) belongs to the step too.
                await page.WaitForTimeoutAsync(500);
                step($"profile: {await profiler!.StopAsync(page, "hub-last-show-more")}");
            }
            lastStep = (await PageProbe.DrawnAtAsync(page, count + 1))!.Value - (await PageProbe.ClickAtAsync(page))!.Value;
            lastLongest = await PageProbe.LongestTaskAsync(page);
            count = await page.Locator("ul.nodes-in-view li").CountAsync();
            if (count % 200 < perStep)
            {
                step($"hub: {count} nodes drawn, the last step {lastStep:0} ms, longest task {lastLongest:0} ms");
            }
        }

        // Pan and zoom over the canvas with 1,000 nodes drawn, timing every frame.
        var canvas = await page.Locator("#network-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no canvas box.");
        var (x, y) = (canvas.X + canvas.Width / 2, canvas.Y + canvas.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await PageProbe.ResetLongTasksAsync(page);
        if (profiler is not null)
        {
            await profiler.StartAsync();
        }
        await PageProbe.StartFramesAsync(page);
        for (var i = 0; i < 5; i++)
        {
            await page.Mouse.WheelAsync(0, -200);
            await page.WaitForTimeoutAsync(100);
        }
        for (var i = 0; i < 5; i++)
        {
            await page.Mouse.WheelAsync(0, 200);
            await page.WaitForTimeoutAsync(100);
        }
        // The drag starts in the canvas's top-left corner, which the rings around the hub leave empty: pressed on a node
        // (the hub sits in the middle), the gesture would move that node instead of panning the view.
        var (panX, panY) = (canvas.X + 12, canvas.Y + 12);
        await page.Mouse.MoveAsync(panX, panY);
        await page.WaitForTimeoutAsync(50);
        // The view names the node under the pointer in the canvas's title (network.js): empty means the press pans.
        if (await page.Locator("#network-canvas").GetAttributeAsync("title") is { Length: > 0 } under)
        {
            throw new InvalidOperationException($"the pan would start on the node \"{under}\", not on empty canvas.");
        }
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 30; i++)
        {
            await page.Mouse.MoveAsync(panX + i * 8, panY + i * 4);
        }
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(300);
        var frames = await PageProbe.StopFramesAsync(page);
        if (profiler is not null)
        {
            step($"profile: {await profiler.StopAsync(page, "pan-zoom")}");
        }
        var framesLongest = await PageProbe.LongestTaskAsync(page);
        var noLongTasks = await page.EvaluateAsync<string?>("window.__bench.noLongTasks ?? null");
        await page.Context.CloseAsync();
        return new HubResult(perStep, open, openLongest, step1, stepLongest, count, lastStep, lastLongest, frames, framesLongest, noLongTasks);
    }
}
