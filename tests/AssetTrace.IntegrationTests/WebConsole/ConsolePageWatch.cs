using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// A browser page that records every Content-Security-Policy violation and script error, so a test
/// can assert the console runs under the server's strict policy with nothing blocked.
/// </summary>
public sealed class ConsolePageWatch
{
    private readonly List<string> _problems = [];

    private ConsolePageWatch(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<ConsolePageWatch> OpenAsync(IBrowser browser)
    {
        // 1280x800: the size the console must be usable at.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, AcceptDownloads = true, Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var watch = new ConsolePageWatch(page);
        page.PageError += (_, error) => watch._problems.Add("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch._problems.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        return watch;
    }

    /// <summary>No policy violation on the current document and no script error on any.</summary>
    public async Task AssertCleanAsync()
    {
        var violations = await Page.EvaluateAsync<string[]>("window.__cspViolations");
        Assert.Empty(violations);
        Assert.Empty(_problems);
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ConsoleFixture.ArtifactPath(name + ".png"), FullPage = true });

    public async Task SignInAsync(Uri server, string username, string password)
    {
        await Page.GotoAsync(new Uri(server, "/signin").ToString());
        await Page.FillAsync("#signin-username", username);
        await Page.FillAsync("#signin-password", password);
        await Page.ClickAsync("#signin-form button[type=submit]");
    }

    /// <summary>Waits until the page's circuit is live: before that, the prerendered page's buttons do nothing.</summary>
    public async Task InteractiveAsync() =>
        await Assertions.Expect(Page.Locator("main[data-ready=interactive]")).ToBeVisibleAsync();

    public async Task CloseAsync() => await Page.Context.CloseAsync();
}
