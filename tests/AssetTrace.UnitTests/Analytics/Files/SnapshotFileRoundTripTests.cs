using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.UnitTests.Analytics.Files;

/// <summary>
/// A snapshot read from its file is built in one pass (#18, GraphSnapshot.AddWhole), not row by row as a load
/// from the store: it must hold the same lists, the same restrictions and the same board seats all the same.
/// </summary>
public sealed class SnapshotFileRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snapshot-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GraphSnapshot RowByRow()
    {
        var b = new SnapshotBuilder()
            .Person("P", "Q", "Nominee", "Hidden")
            .Company("A", "B", "C")
            .Owns("P", "A", 60).Range("Q", "A", 20, 40).Owns("A", "B", 100).Owns("B", "C", 50)
            .Owns("C", "C", 10)
            // The board seat arrives before the edge that makes its holder a nominee: row by row it is moved into
            // the control lists later, in one pass it is placed there at once.
            .Edge(EdgeKind.DirectorOf, "Nominee", "C")
            .Edge(EdgeKind.NomineeFor, "Nominee", "P")
            .Edge(EdgeKind.DirectorOf, "Q", "B")
            .Edge(EdgeKind.Controls, "Q", "C", e => e.VotingShare = 0.6);
        b.Graph.Upsert("Hidden", n => n.Restriction = b.Graph.NumberCase("case-7"));
        b.Graph.UpsertEdge("secret", "Hidden", "B", e =>
        {
            e.Kind = EdgeKind.Owns;
            e.ShareLow = e.ShareHigh = 0.3;
            e.Restriction = b.Graph.NumberCase("case-9");
        });
        b.Graph.Version = 42;
        return b.Graph;
    }

    [Fact]
    public void A_snapshot_read_from_its_file_holds_what_was_built_row_by_row()
    {
        var built = RowByRow();
        var path = Path.Combine(_folder, SnapshotFileFormat.FileName);
        SnapshotFileWriter.Write(path, StoreKind.Sqlite, "store-1", built, CancellationToken.None);

        var read = SnapshotFileReader.Read(path, StoreKind.Sqlite, "store-1", _ => { }, () => { }, CancellationToken.None);

        Assert.Equal(42, read.Version);
        Assert.Equal(built.StoredNodes.Select(n => Describe(built, n)), read.StoredNodes.Select(n => Describe(read, n)));
        Assert.Equal(built.StoredEdges.Select(e => $"{e.Id} {e.TouchesRestricted} {built.CaseIdOf(e.Restriction)}"),
            read.StoredEdges.Select(e => $"{e.Id} {e.TouchesRestricted} {read.CaseIdOf(e.Restriction)}"));
        // The nominee's seat gives control; the seat of a director who acts for nobody does not.
        Assert.Contains("C", Ids(read.Find("Nominee")!.ControlOut.ToArray().Select(e => e.Target)));
        Assert.DoesNotContain(read.Find("Q")!.ControlOut.ToArray(), e => e.Kind == EdgeKind.DirectorOf);
    }

    /// <summary>
    /// The file is written a slice at a time and the graph may change between slices (#18): what a catch-up from the
    /// file's label then applies again must give the graph as it stands, with nothing dangling in the file.
    /// </summary>
    [Fact]
    public void Changes_made_between_slices_are_caught_up_from_the_files_label()
    {
        var live = RowByRow();
        var qa = live.StoredEdges.Single(e => e.Source.Id == "Q" && e.Target.Id == "A").Id;
        // What changed after change 42, as a catch-up reads it from the store.
        Action<GraphSnapshot>[] changes =
        [
            g => g.Upsert("New", n => { n.Kind = NodeKind.Person; n.Name = "New"; }),
            g => g.UpsertEdge("new-owns-a", "New", "A", e => { e.Kind = EdgeKind.Owns; e.ShareLow = e.ShareHigh = 0.1; }),
            g => g.Upsert("P", n => n.Deleted = true),
            g => g.UpsertEdge(qa, "Q", "A", e => e.ShareLow = 0.25),
        ];
        var path = Path.Combine(_folder, SnapshotFileFormat.FileName);
        var slices = 0;

        var label = SnapshotFileWriter.Write(path, StoreKind.Sqlite, "store-1", live, slice =>
        {
            // The nodes are written by now; the edges are not.
            if (++slices == 3)
            {
                foreach (var change in changes)
                {
                    change(live);
                }
                live.Version = 43;
            }
            slice();
        }, CancellationToken.None);
        var read = SnapshotFileReader.Read(path, StoreKind.Sqlite, "store-1", _ => { }, () => { }, CancellationToken.None);
        foreach (var change in changes)
        {
            change(read);
        }

        Assert.Equal((42L, 42L, 3), (label, read.Version, slices));
        Assert.Equal(LiveNodes(live), LiveNodes(read));
        Assert.Equal(0.25, read.FindEdge(qa)!.ShareLow);
    }

    /// <summary>
    /// A file made to pass its checksum but whose footer claims more rows than its bytes can hold (a hostile or
    /// miswritten file) is refused before anything is allocated for those rows.
    /// </summary>
    [Theory]
    [InlineData(0, 100_000_000, "damaged footer")]
    [InlineData(1, 100_000_000, "damaged footer")]
    [InlineData(0, -1, "damaged footer")]
    [InlineData(2, 1, "do not meet")]
    public void A_footer_that_does_not_fit_its_file_is_refused(int field, int value, string expected)
    {
        var path = Path.Combine(_folder, SnapshotFileFormat.FileName);
        SnapshotFileWriter.Write(path, StoreKind.Sqlite, "store-1", RowByRow(), CancellationToken.None);
        var bytes = File.ReadAllBytes(path);
        var counts = bytes.Length - SnapshotFileFormat.TrailerLength - SnapshotFileFormat.FooterLength + sizeof(long);
        BitConverter.TryWriteBytes(bytes.AsSpan(counts + field * sizeof(int)), value);
        var body = bytes.AsSpan(0, bytes.Length - SnapshotFileFormat.TrailerLength);
        BitConverter.TryWriteBytes(bytes.AsSpan(body.Length), System.IO.Hashing.XxHash3.HashToUInt64(body));
        File.WriteAllBytes(path, bytes);

        var refused = Assert.Throws<SnapshotFileRejectedException>(() =>
            SnapshotFileReader.Read(path, StoreKind.Sqlite, "store-1", _ => { }, () => { }, CancellationToken.None));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<string> LiveNodes(GraphSnapshot snapshot) =>
        snapshot.StoredNodes.Where(n => !n.Deleted).Select(n => Describe(snapshot, n));

    private static string Describe(GraphSnapshot snapshot, SnapshotNode n) =>
        string.Join(" | ", n.Index, n.Id, n.Kind, n.OutKinds, n.InKinds, snapshot.CaseIdOf(n.Restriction),
            string.Join(",", n.Out.Select(e => e.Id)), string.Join(",", n.In.Select(e => e.Id)),
            Sorted(n.OwnsOut.ToArray()), Sorted(n.OwnsIn.ToArray()), Sorted(n.ControlOut.ToArray()), Sorted(n.ControlIn.ToArray()),
            n.TreasuryShare(null));

    [Fact]
    public void A_whole_graph_is_only_added_to_an_empty_snapshot()
    {
        var snapshot = RowByRow();
        var error = Assert.Throws<InvalidOperationException>(() => snapshot.AddWhole([], []));
        Assert.Contains("empty snapshot", error.Message, StringComparison.Ordinal);
    }

    private static string Sorted(IEnumerable<SnapshotEdge> edges) => string.Join(",", edges.Select(e => e.Id).Order(StringComparer.Ordinal));

    private static IEnumerable<string> Ids(IEnumerable<SnapshotNode> nodes) => nodes.Select(n => n.Id);
}
