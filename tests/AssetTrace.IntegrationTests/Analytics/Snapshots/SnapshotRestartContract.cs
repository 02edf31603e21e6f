using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Visibility;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Analytics.Snapshots;

/// <summary>
/// A server restarted beside its snapshot file (#18): it reads the file instead of every row, catches up
/// what changed after it was written, and answers exactly as the store says, restricted facts hidden as before.
/// </summary>
public abstract class SnapshotRestartContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    private static SnapshotProvider Snapshots(ServerHarness server) => server.Services.GetRequiredService<SnapshotProvider>();

    private static Task<List<string>> ShapeAsync(ServerHarness server) =>
        Snapshots(server).ReadAsync(Viewer.System("test"), SnapshotShape.Of, CancellationToken.None);

    /// <summary>Starts a server on the store again, and waits until its graph is in memory.</summary>
    private static async Task<ServerHarness> RestartAsync(IDictionary<string, string?> settings)
    {
        var server = await ServerHarness.StartAsync(settings);
        await Snapshots(server).WarmAsync();
        return server;
    }

    [Fact]
    public async Task A_restarted_server_reads_the_file_and_holds_and_answers_what_the_store_holds()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        await (await CoreHarness.StartAsync(settings)).DisposeAsync();
        await GeneratedRows.LoadAsync(settings, kind, 2_000);

        string Questions(RestrictedFixture f) => $$"""
            { flat: beneficialOwners(id: "demo-flat-london") { personId lowPercent highPercent byControl paths { nodes { id } edges { id } } }
              official: holdings(id: "demo-serik-akhmetov") { nodeId lowPercent controlled }
              open: beneficialOwners(id: "{{f.OpenCompany}}") { personId lowPercent }
              g1: beneficialOwners(id: "{{GeneratedGraph.NodeId(1_500)}}") { personId lowPercent highPercent }
              g2: holdings(id: "{{GeneratedGraph.NodeId(3)}}") { nodeId lowPercent } }
            """;
        List<string> shape;
        string admin, insider, outsider;
        RestrictedFixture fixture;
        await using (var first = await ServerHarness.StartAsync(settings))
        {
            fixture = await RestrictedFixture.BuildAsync(first);
            admin = (await first.DataAsync(Questions(fixture))).ToJsonString();
            insider = (await fixture.DataAsAsync(fixture.InsiderToken, Questions(fixture))).ToJsonString();
            outsider = (await fixture.DataAsAsync(fixture.OutsiderToken, Questions(fixture))).ToJsonString();
            shape = await ShapeAsync(first);
            Assert.Equal("database", Snapshots(first).Status.Source);
            await Snapshots(first).SaveAsync(CancellationToken.None);
            Assert.True(File.Exists(Snapshots(first).FilePath), $"no snapshot file at {Snapshots(first).FilePath}");
        }

        await using var second = await RestartAsync(settings);
        Assert.Equal("snapshot file", Snapshots(second).Status.Source);
        Assert.Equal(shape, await ShapeAsync(second));
        Assert.Contains(shape, line => line.Contains($"case={fixture.CaseId}", StringComparison.Ordinal));
        Assert.Equal(admin, (await second.DataAsync(Questions(fixture))).ToJsonString());
        // The fixture's users and their tokens live in the store: they sign in on the restarted server as before.
        Assert.Equal(insider, (await second.DataAsync(Questions(fixture), token: fixture.InsiderToken)).ToJsonString());
        var outsiderAfter = (await second.DataAsync(Questions(fixture), token: fixture.OutsiderToken)).ToJsonString();
        Assert.Equal(outsider, outsiderAfter);
        // The restricted holder of 30% is a beneficial owner to the case team, and does not exist for the outsider.
        Assert.Contains(fixture.HiddenPerson, insider, StringComparison.Ordinal);
        Assert.All(fixture.Secrets, secret => Assert.DoesNotContain(secret, outsiderAfter, StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_changed_after_the_file_was_written_is_caught_up_at_the_restart()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        string company, kept, deleted;
        long fileVersion;
        await using (var first = await ServerHarness.StartAsync(settings))
        {
            await first.DataAsync("""{ beneficialOwners(id: "demo-flat-london") { personId } }""");
            await Snapshots(first).SaveAsync(CancellationToken.None);
            fileVersion = FileVersion(Snapshots(first).FilePath!);

            // After the file: a new company with two owners, and one of the two holdings deleted again.
            company = await NodeAsync(first, "COMPANY", """{ name: "Written After Ltd", jurisdiction: "GB" }""");
            kept = await NodeAsync(first, "PERSON", """{ name: "Kept Owner" }""");
            var gone = await NodeAsync(first, "PERSON", """{ name: "Deleted Holding Owner" }""");
            await EdgeAsync(first, kept, company, 40);
            deleted = await EdgeAsync(first, gone, company, 35);
            await first.DataAsync($$"""mutation { deleteEdge(input: { id: "{{deleted}}", reason: "entered in error" }) { id } }""");
        }

        List<string> shape;
        await using (var second = await RestartAsync(settings))
        {
            Assert.Equal("snapshot file", Snapshots(second).Status.Source);
            shape = await ShapeAsync(second);
            Assert.NotEqual($"version {fileVersion}", shape[0]);
            var owners = await second.DataAsync($$"""{ beneficialOwners(id: "{{company}}") { personId lowPercent } }""");
            var owner = Assert.Single(owners["beneficialOwners"]!.AsArray());
            Assert.Equal((kept, 40.0), (owner!["personId"]!.GetValue<string>(), owner["lowPercent"]!.GetValue<double>()));
            Assert.DoesNotContain(shape, line => line.Contains(deleted, StringComparison.Ordinal));
        }

        // And what the catch-up built is what a load of every row builds.
        File.Delete(Path.Combine(settings["Storage:DataDirectory"]!, SnapshotFileFormat.FileName));
        await using var third = await RestartAsync(settings);
        Assert.Equal("database", Snapshots(third).Status.Source);
        Assert.Equal(shape, await ShapeAsync(third));
    }

    private static async Task<string> NodeAsync(ServerHarness server, string nodeKind, string properties) =>
        (await server.DataAsync($$"""
            mutation { createNode(input: { kind: {{nodeKind}}, properties: {{properties}}, provenance: { source: OFFICIAL_REGISTRY, reference: "test", restriction: EVIDENCE } }) { id } }
            """))["createNode"]!["id"]!.GetValue<string>();

    private static async Task<string> EdgeAsync(ServerHarness server, string from, string to, int share) =>
        (await server.DataAsync($$"""
            mutation { createEdge(input: { kind: OWNS, sourceId: "{{from}}", targetId: "{{to}}", properties: { share: {{share}} },
              provenance: { source: OFFICIAL_REGISTRY, reference: "test", restriction: EVIDENCE } }) { id } }
            """))["createEdge"]!["id"]!.GetValue<string>();

    /// <summary>The file's own header, read apart from the server: which change counter it was written at.</summary>
    internal static long FileVersion(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        reader.ReadBytes(SnapshotFileFormat.Magic.Length + sizeof(int) + 1);
        reader.ReadString();
        return reader.ReadInt64();
    }
}

public sealed class SqliteSnapshotRestartTests() : SnapshotRestartContract(StoreKind.Sqlite);

public sealed class PostgresSnapshotRestartTests() : SnapshotRestartContract(StoreKind.Postgres);
