using AssetTrace.IntegrationTests.Browser;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Watch;
using AssetTrace.Storage;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// A server with the demo case whose watch reads one source file, the fixture news site on loopback, and one
/// Chromium, for the browser tests of the watch's sources page (#15). SQLite, as <see cref="ConsoleFixture"/>.
/// </summary>
public sealed class WatchConsoleFixture : IAsyncLifetime, IConsoleHost
{
    private IPlaywright _playwright = null!;
    private string _folder = null!;

    public ServerHarness Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public FixtureSite Site { get; private set; } = null!;

    public Uri Address(string path) => new(Server.Client.BaseAddress!, path);

    public async Task InitializeAsync()
    {
        Site = await FixtureSite.StartAsync();
        _folder = TempFolder.NewPath();
        var sources = Directory.CreateDirectory(Path.Combine(_folder, "sources")).FullName;
        await File.WriteAllTextAsync(Path.Combine(sources, "news.json"), WatchSourceFiles.Articles("news", Site.Port, "127.0.0.1", ["/news/"]));
        var settings = await TestDatabases.CreateAsync(StoreKind.Sqlite);
        settings["Demo:Load"] = "true";
        settings["Watch:SourcesDirectory"] = sources;
        Server = await ServerHarness.StartAsync(settings, ownsStore: true);
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
        await Site.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}
