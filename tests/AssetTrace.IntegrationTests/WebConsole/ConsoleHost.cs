using AssetTrace.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>A running server and the Chromium that drives its console: what <see cref="ConsoleUsers"/> needs of a fixture.</summary>
public interface IConsoleHost
{
    ServerHarness Server { get; }

    IBrowser Browser { get; }

    Uri Address(string path);
}
