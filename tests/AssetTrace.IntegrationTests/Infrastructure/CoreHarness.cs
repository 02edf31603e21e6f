using AssetTrace.Hosting;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>The core services over a fresh store, with a fake clock, for store-level tests.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CoreHarness(ServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<CoreHarness> StartAsync(StoreKind kind, bool loadDemo = false)
    {
        var settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = loadDemo ? "true" : "false";
        return await StartAsync(settings);
    }

    /// <summary>Core services on the store the settings name (see <see cref="TestDatabases.CreateAsync"/>), e.g. one a server will use next.</summary>
    public static async Task<CoreHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration)
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, CancellationToken.None);
        return new CoreHarness(services, clock);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
