using System.Net;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Watch;
using AssetTrace.Watch.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// The core services and the watch over a fresh store with the demo case, a fake clock, the source
/// files a test writes, and fixture host names (*.test) that resolve to loopback, as a public name
/// of an attacker's could.
/// </summary>
public sealed class WatchHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempFolder _folder;
    private readonly Dictionary<string, string?> _settings;

    private WatchHarness(ServiceProvider services, TempFolder folder, Dictionary<string, string?> settings, FakeTimeProvider clock)
    {
        _services = services;
        _folder = folder;
        _settings = settings;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The store's settings as command-line overrides, for the shell's commands.</summary>
    public string[] Overrides => [.. _settings.Select(s => $"--{s.Key}={s.Value}")];

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="sources">File name → JSON of each source file.</param>
    /// <param name="configure">More settings, e.g. the test mail servers for the lead notices.</param>
    public static async Task<WatchHarness> StartAsync(StoreKind kind, IReadOnlyDictionary<string, string> sources, Action<Dictionary<string, string?>>? configure = null)
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(folder["sources"]);
        foreach (var (name, json) in sources)
        {
            File.WriteAllText(Path.Combine(folder["sources"], name), json);
        }
        var settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Watch:SourcesDirectory"] = folder["sources"];
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IHostResolver, FixtureResolver>()
            .AddAssetTraceCore(configuration)
            .AddWatch(configuration)
            .BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, CancellationToken.None);
        return new WatchHarness(services, folder, settings, clock);
    }

    /// <summary>Runs work whose waits are on the fake clock, moving the clock a second at a time until it ends; returns how far the clock moved.</summary>
    public async Task<(T Result, TimeSpan Waited)> WithClockAsync<T>(Func<Task<T>> work)
    {
        var start = Clock.GetUtcNow();
        var task = work();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(20));
            if (!task.IsCompleted)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }
        return (await task, Clock.GetUtcNow() - start);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TestDatabases.Delete(_settings);
        _folder.Dispose();
    }
}

/// <summary>Names ending in .test resolve to loopback; everything else as DNS says.</summary>
public sealed class FixtureResolver : IHostResolver
{
    private readonly DnsHostResolver _dns = new();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        host.EndsWith(".test", StringComparison.Ordinal) ? Task.FromResult(new[] { IPAddress.Loopback }) : _dns.ResolveAsync(host, ct);
}
