using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Watch.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// A running server with the demo case that reads its watch sources from files the test writes, and resolves
/// the fixture sites' *.test host names to loopback.
/// </summary>
public sealed class WatchServer : IAsyncDisposable
{
    private readonly string _folder;

    private WatchServer(ServerHarness server, string folder) => (Server, _folder) = (server, folder);

    public ServerHarness Server { get; }

    /// <param name="sources">Each source file's name and text.</param>
    public static async Task<WatchServer> StartAsync(StoreKind kind, IReadOnlyDictionary<string, string> sources)
    {
        var folder = TempFolder.NewPath();
        var directory = Directory.CreateDirectory(Path.Combine(folder, "sources")).FullName;
        foreach (var (name, text) in sources)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), text);
        }
        var settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Watch:SourcesDirectory"] = directory;
        var server = await ServerHarness.StartAsync(settings, s => s.AddSingleton<IHostResolver, FixtureResolver>(), ownsStore: true);
        return new WatchServer(server, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}
