using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Measuring;
using Microsoft.Playwright;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>
/// The first page after sign-in: in a fresh browser context each time (nothing cached, as at a
/// user's first sign-in of the day), the sign-in form is posted and the time is taken, in the page's
/// clock, from the POST's start to the search page being interactive (its circuit live).
/// </summary>
public static class FirstPageTiming
{
    public static async Task<Latencies> RunAsync(IBrowser browser, Uri server, int runs, CancellationToken ct)
    {
        var times = new Latencies();
        // One untimed sign-in first: the server compiles the page's code on its first render.
        for (var run = -1; run < runs; run++)
        {
            ct.ThrowIfCancellationRequested();
            var page = await PageProbe.OpenAsync(browser);
            await page.GotoAsync(new Uri(server, "/signin").ToString());
            await page.FillAsync("#signin-username", BenchStore.Username);
            await page.FillAsync("#signin-password", BenchStore.Password);
            await page.ClickAsync("#signin-form button[type=submit]");
            await page.WaitForSelectorAsync("main[data-ready=interactive]", new PageWaitForSelectorOptions { Timeout = 60_000 });
            var ready = await PageProbe.ReadyAtAsync(page) ?? throw new InvalidOperationException("the page became interactive but the probe saw no change.");
            if (run >= 0)
            {
                times.Add(ready);
            }
            await page.Context.CloseAsync();
        }
        return times;
    }
}
