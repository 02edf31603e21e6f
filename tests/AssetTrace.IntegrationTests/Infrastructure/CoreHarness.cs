using AssetTrace.Hosting;
using AssetTrace.Recovery;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>The core services over a fresh store, with a fake clock, for store-level tests.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TempFolder _scratch = new();
    private IDictionary<string, string?>? _ownedStore;

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
        var harness = await StartAsync(settings);
        harness._ownedStore = settings;
        return harness;
    }

    /// <summary>A file with the given text in this harness's scratch folder, deleted with it: for inputs a test writes itself.</summary>
    public string TempFile(string name, string text) => _scratch.File(name, text);

    /// <summary>A new empty folder in this harness's scratch folder, deleted with it.</summary>
    public string TempFolder(string name) => Directory.CreateDirectory(_scratch[name]).FullName;

    /// <summary>Core services on the store the settings name (see <see cref="TestDatabases.CreateAsync"/>), e.g. one a server will use next.</summary>
    public static async Task<CoreHarness> StartAsync(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddAssetTraceCore(configuration)
            .AddRecovery()
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider();
        await CoreServices.PrepareStoreAsync(services, configuration, CancellationToken.None);
        return new CoreHarness(services, clock);
    }

    /// <summary>
    /// Stops the services and deletes the scratch folder, and the store's data folder when this harness
    /// made the store (one made by the caller may be opened again by the next harness).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _scratch.Dispose();
        if (_ownedStore is not null)
        {
            TestDatabases.Delete(_ownedStore);
        }
    }
}
