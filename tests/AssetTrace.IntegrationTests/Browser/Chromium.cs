using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright. ./test.sh installs it with apt and exports its path;
/// Playwright's own browser download is never used.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "ASSETTRACE_TEST_CHROMIUM";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {path}: run the tests with ./test.sh, which installs it (apt-get install chromium), or set {PathVariable}.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = Arguments });
        return (playwright, browser);
    }
}
