using AssetTrace.IntegrationTests.Browser;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// One server with the demo case and one Chromium for a whole test class (the suite has a time
/// budget). The console does not depend on the store beyond the services it calls, which have
/// their own contract tests on both stores, so this runs on SQLite.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime, IConsoleHost
{
    public ServerHarness Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;
    private string? _firstRunPassword;

    /// <summary>The one-time password the server printed for 'admin' at its first start.</summary>
    public string FirstRunPassword => _firstRunPassword ?? throw new InvalidOperationException("The server printed no first-run password.");

    public Uri Address(string path) => new(Server.Client.BaseAddress!, path);

    /// <summary>Screenshots are kept under the test's output, in artifacts/console/.</summary>
    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "console");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async Task InitializeAsync()
    {
        // The server prints the password while it prepares its store, before StartAsync returns.
        using var firstRun = new FirstRunPasswordCapture();
        Server = await ServerHarness.StartAsync(StoreKind.Sqlite, loadDemo: true, services: firstRun.Register);
        _firstRunPassword = firstRun.Password;
        (_playwright, Browser) = await Chromium.LaunchAsync();
        // The suite shares two cores with the servers it starts: a page may take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}
