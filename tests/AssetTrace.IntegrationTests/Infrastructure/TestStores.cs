using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>
/// The stores a test class makes itself (to open them with more than one harness, or before a
/// server starts), deleted when the class is disposed: a harness deletes only a store it made.
/// </summary>
public sealed class TestStores : IDisposable
{
    private readonly List<Dictionary<string, string?>> _made = [];

    /// <summary>A fresh store, as <see cref="TestDatabases.CreateAsync"/>, deleted with this object.</summary>
    public async Task<Dictionary<string, string?>> CreateAsync(StoreKind kind)
    {
        var settings = await TestDatabases.CreateAsync(kind);
        lock (_made)
        {
            _made.Add(settings);
        }
        return settings;
    }

    public void Dispose()
    {
        lock (_made)
        {
            _made.ForEach(TestDatabases.Delete);
            _made.Clear();
        }
    }
}
