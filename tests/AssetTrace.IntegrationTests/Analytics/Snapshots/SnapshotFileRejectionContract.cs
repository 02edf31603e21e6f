using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Analytics.Snapshots;

/// <summary>
/// A snapshot file that must not be caught up (#18): damaged, cut short, of another format version, of another
/// store, or ahead of the store's change counter. Each is found out, deleted, and the graph read from the store.
/// </summary>
public abstract class SnapshotFileRejectionContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    public enum Fault
    {
        FlippedByte,
        CutShort,
        OtherFormatVersion,
        OtherStore,
        AheadOfTheStore,
    }

    private static Task<List<string>> ShapeAsync(CoreHarness core) =>
        core.Get<SnapshotProvider>().ReadAsync(Viewer.System("test"), SnapshotShape.Of, CancellationToken.None);

    private async Task<IDictionary<string, string?>> StoreWithFileAsync()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        await using var core = await CoreHarness.StartAsync(settings);
        await ShapeAsync(core);
        Assert.True(await core.Get<SnapshotProvider>().SaveAsync(CancellationToken.None));
        return settings;
    }

    [Theory]
    [InlineData(Fault.FlippedByte)]
    [InlineData(Fault.CutShort)]
    [InlineData(Fault.OtherFormatVersion)]
    [InlineData(Fault.OtherStore)]
    [InlineData(Fault.AheadOfTheStore)]
    public async Task A_file_that_cannot_be_caught_up_is_found_out_deleted_and_the_graph_read_from_the_store(Fault fault)
    {
        var settings = await StoreWithFileAsync();
        var path = Path.Combine(settings["Storage:DataDirectory"]!, SnapshotFileFormat.FileName);
        var bytes = await File.ReadAllBytesAsync(path);
        switch (fault)
        {
            case Fault.FlippedByte:
                bytes[bytes.Length / 2] ^= 0x20;
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case Fault.CutShort:
                await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case Fault.OtherFormatVersion:
                BitConverter.TryWriteBytes(bytes.AsSpan(SnapshotFileFormat.Magic.Length), SnapshotFileFormat.Version + 1);
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case Fault.OtherStore:
                // The same demo graph at the same counter, but written from another store: only its identity tells.
                var other = await StoreWithFileAsync();
                File.Copy(Path.Combine(other["Storage:DataDirectory"]!, SnapshotFileFormat.FileName), path, overwrite: true);
                break;
            case Fault.AheadOfTheStore:
                // A counter behind the file's: the store's history is not the one the file was written from.
                await using (var core = await CoreHarness.StartAsync(settings))
                {
                    await core.Get<Database>().WriteAsync((c, t) => c.ExecuteAsync(t, "UPDATE graph_version SET version = 1 WHERE id = 1", CancellationToken.None), CancellationToken.None);
                }
                break;
        }

        await using var restarted = await CoreHarness.StartAsync(settings);
        var provider = restarted.Get<SnapshotProvider>();
        var shape = await ShapeAsync(restarted);
        Assert.Equal("database", provider.Status.Source);
        Assert.False(File.Exists(path), "the file that could not be used is deleted");

        // Rebuilt: written again from the store's rows, it is read at the next start and holds the same graph.
        Assert.True(await provider.SaveAsync(CancellationToken.None));
        await using var again = await CoreHarness.StartAsync(settings);
        Assert.Equal(shape, await ShapeAsync(again));
        Assert.Equal("snapshot file", again.Get<SnapshotProvider>().Status.Source);
    }

    [Fact]
    public async Task A_server_without_a_file_keeps_none_when_the_file_is_switched_off()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        settings["Analytics:Snapshot:File"] = "false";
        await using var core = await CoreHarness.StartAsync(settings);
        await ShapeAsync(core);
        Assert.Null(core.Get<SnapshotProvider>().FilePath);
        Assert.False(await core.Get<SnapshotProvider>().SaveAsync(CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(settings["Storage:DataDirectory"]!, SnapshotFileFormat.FileName)));
    }
}

public sealed class SqliteSnapshotFileRejectionTests() : SnapshotFileRejectionContract(StoreKind.Sqlite);

public sealed class PostgresSnapshotFileRejectionTests() : SnapshotFileRejectionContract(StoreKind.Postgres);
