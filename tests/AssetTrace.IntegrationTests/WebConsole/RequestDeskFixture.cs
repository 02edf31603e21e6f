using AssetTrace.IntegrationTests.Browser;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Mail;
using AssetTrace.Storage;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// <see cref="ConsoleFixture"/> for the request desk: one server with the demo case that sends
/// through the Postfix and reads the Dovecot mailbox ./test.sh starts, and one Chromium, for the
/// whole class. The desk's users sign in with passwords they chose (<see cref="OwnPassword"/>).
/// </summary>
public sealed class RequestDeskFixture : IAsyncLifetime, IConsoleHost
{
    public const string OwnPassword = "my own desk password";

    public ServerHarness Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    public Uri Address(string path) => new(Server.Client.BaseAddress!, path);

    public async Task InitializeAsync()
    {
        var settings = await TestDatabases.CreateAsync(StoreKind.Sqlite);
        settings["Demo:Load"] = "true";
        MailTestServers.ConfigureDesk(settings);
        Server = await ServerHarness.StartAsync(settings, ownsStore: true);
        (_playwright, Browser) = await Chromium.LaunchAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    /// <summary>A user with the roles given (GraphQL codes, e.g. "OFFICER"), who has already chosen their own password.</summary>
    public Task CreateUserAsync(string username, params string[] roles) => this.CreateConsoleUserAsync(username, OwnPassword, roles);

    /// <summary>A browser page signed in as the user, at 1280x800.</summary>
    public Task<ConsolePageWatch> SignInAsync(string username) => this.SignedInAsync(username, OwnPassword);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}
