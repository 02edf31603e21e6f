using Microsoft.Playwright;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// A script put into every page before its own (over the DevTools protocol, so the strict
/// Content-Security-Policy does not apply to it) that records, in the page's own clock
/// (performance.now(), 0 at the navigation's start, a sign-in's POST and redirect included):
/// when the page became interactive, when its network canvas appeared, when the list of nodes in
/// view changed and was painted (two animation frames later), every click, and every long task
/// (a main-thread task over 50 ms, by PerformanceObserver).
/// </summary>
public static class PageProbe
{
    private const string Script = """
        window.__bench = { readyAt: null, canvasAt: null, clickAt: null, drawn: [], longTasks: [], frames: null };
        try {
          new PerformanceObserver(list => { for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: true });
        } catch (e) { window.__bench.noLongTasks = String(e); }
        // Long animation frames say which scripts a slow frame ran and how long its drawing took (for --profile).
        window.__bench.longFrames = [];
        try {
          new PerformanceObserver(list => { for (const e of list.getEntries()) window.__bench.longFrames.push({
            start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
            styleLayoutAndPaint: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
            scripts: e.scripts.map(s => ({ invoker: s.invoker, source: `${s.sourceURL.split('/').pop()} ${s.sourceFunctionName}`, duration: s.duration })) }); })
            .observe({ type: 'long-animation-frame', buffered: true });
        } catch { }
        document.addEventListener('click', () => { window.__bench.clickAt = performance.now(); }, true);
        let lastCount = -1;
        new MutationObserver(() => {
          const b = window.__bench;
          if (b.readyAt === null && document.querySelector('main[data-ready=interactive]')) b.readyAt = performance.now();
          if (b.canvasAt === null && document.querySelector('#network-canvas canvas')) b.canvasAt = performance.now();
          const count = document.querySelectorAll('ul.nodes-in-view li').length;
          if (count !== lastCount) {
            lastCount = count;
            requestAnimationFrame(() => requestAnimationFrame(() => b.drawn.push([performance.now(), count])));
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
        """;

    public static async Task<IPage> OpenAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(Script);
        return page;
    }

    public static Task<double?> ReadyAtAsync(IPage page) => page.EvaluateAsync<double?>("window.__bench.readyAt");

    public static Task<double?> CanvasAtAsync(IPage page) => page.EvaluateAsync<double?>("window.__bench.canvasAt");

    public static Task<double?> ClickAtAsync(IPage page) => page.EvaluateAsync<double?>("window.__bench.clickAt");

    /// <summary>When the list of nodes in view first held at least <paramref name="count"/> nodes, painted; null if not yet.</summary>
    public static Task<double?> DrawnAtAsync(IPage page, int count) =>
        page.EvaluateAsync<double?>("n => { const d = window.__bench.drawn.find(([, c]) => c >= n); return d ? d[0] : null; }", count);

    public static async Task WaitDrawnAsync(IPage page, int count, float timeoutMs = 120_000) =>
        await page.WaitForFunctionAsync("n => window.__bench.drawn.some(([, c]) => c >= n)", count, new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 20 });

    /// <summary>The longest long task since the last <see cref="ResetLongTasksAsync"/>, in ms (0 when none took over 50 ms).</summary>
    public static Task<double> LongestTaskAsync(IPage page) =>
        page.EvaluateAsync<double>("Math.max(0, ...window.__bench.longTasks)");

    public static Task ResetLongTasksAsync(IPage page) => page.EvaluateAsync("window.__bench.longTasks = []; window.__bench.longFrames = []");

    /// <summary>The long animation frames since the last <see cref="ResetLongTasksAsync"/>, as JSON.</summary>
    public static Task<string> LongFramesAsync(IPage page) => page.EvaluateAsync<string>("JSON.stringify(window.__bench.longFrames, null, 1)");

    /// <summary>Starts recording the time between animation frames.</summary>
    public static Task StartFramesAsync(IPage page) => page.EvaluateAsync("""
        () => {
          const frames = window.__bench.frames = [];
          let last = performance.now();
          const tick = now => { frames.push(now - last); last = now; if (window.__bench.frames === frames) requestAnimationFrame(tick); };
          requestAnimationFrame(tick);
        }
        """);

    /// <summary>Stops recording frames and returns their intervals, in ms.</summary>
    public static Task<double[]> StopFramesAsync(IPage page) => page.EvaluateAsync<double[]>("""
        () => { const frames = window.__bench.frames; window.__bench.frames = null; return frames; }
        """);
}
