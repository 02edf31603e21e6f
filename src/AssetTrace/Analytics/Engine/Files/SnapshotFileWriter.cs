using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// Writes a snapshot to its file (#18, layout in <see cref="SnapshotFileFormat"/>): into a temporary file
/// beside it, flushed to disk, then renamed over the old one, so a reader finds the old file or the new
/// one whole, never half of one.
/// <para>
/// The rows are written a slice at a time, each slice while the snapshot does not change, so the changes other
/// servers make reach this one between slices rather than wait for the whole file (at ten million nodes, tens of
/// seconds). The file is labelled with the change counter from before its first slice: a row written after a later
/// change carries that change already, and the catch-up from the label applies it again, to the same effect.
/// Rows added after the first slice are left for that catch-up.
/// </para>
/// </summary>
public static class SnapshotFileWriter
{
    // Rows per slice: a few milliseconds of writing, the longest a change waits for the file.
    private const int SliceRows = 16_384;

    /// <summary>Writes a snapshot nothing else changes meanwhile (a test's, the benchmark's).</summary>
    public static long Write(string path, StoreKind store, string storeIdentity, GraphSnapshot snapshot, CancellationToken ct) =>
        Write(path, store, storeIdentity, snapshot, slice => slice(), ct);

    /// <param name="unchanged">Runs one slice of the writing while the snapshot does not change (the provider's read lock).</param>
    /// <returns>The change counter the file is labelled with.</returns>
    public static long Write(string path, StoreKind store, string storeIdentity, GraphSnapshot snapshot, Action<Action> unchanged, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // A name of its own: two servers sharing a folder never write into the same temporary file.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long version;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var hashing = new HashingWriteStream(file);
                using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    version = WriteBody(writer, store, storeIdentity, snapshot, unchanged, ct);
                }
                Span<byte> trailer = stackalloc byte[SnapshotFileFormat.TrailerLength];
                BitConverter.TryWriteBytes(trailer, hashing.Hash);
                file.Write(trailer);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            return version;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static long WriteBody(BinaryWriter writer, StoreKind store, string storeIdentity, GraphSnapshot snapshot, Action<Action> unchanged, CancellationToken ct)
    {
        var (version, nodeCount, edgeCount) = (0L, 0, 0);
        unchanged(() => (version, nodeCount, edgeCount) = (snapshot.Version, snapshot.StoredNodes.Count, snapshot.StoredEdges.Count));
        writer.Write(SnapshotFileFormat.Magic);
        writer.Write(SnapshotFileFormat.Version);
        writer.Write((byte)store);
        writer.Write(storeIdentity);
        writer.Write(version);

        // A node's place among the nodes written, by its index; -1 for one left out (deleted), whose edges are left out too.
        var positions = new int[nodeCount];
        var strings = new StringTable();
        var (nodesWritten, edgesWritten) = (0, 0);
        InSlices(nodeCount, unchanged, i =>
        {
            var node = snapshot.StoredNodes[i];
            positions[i] = node.Deleted ? -1 : nodesWritten++;
            if (!node.Deleted)
            {
                WriteNode(writer, node, strings, snapshot.CaseIdOf(node.Restriction));
            }
        }, ct);
        InSlices(edgeCount, unchanged, i =>
        {
            // An edge of the first slice's count existed then, and so did both its ends.
            var edge = snapshot.StoredEdges[i];
            var (source, target) = (positions[edge.Source.Index], positions[edge.Target.Index]);
            if (!edge.Deleted && source >= 0 && target >= 0)
            {
                WriteEdge(writer, edge, source, target, strings, snapshot.CaseIdOf(edge.Restriction));
                edgesWritten++;
            }
        }, ct);

        writer.Flush();
        var stringsAt = writer.BaseStream.Position;
        foreach (var text in strings.InOrder)
        {
            writer.Write(text);
        }
        writer.Write(stringsAt);
        writer.Write(nodesWritten);
        writer.Write(edgesWritten);
        writer.Write(strings.Count);
        return version;
    }

    /// <summary>Calls <paramref name="row"/> for positions 0 to <paramref name="count"/> − 1, <see cref="SliceRows"/> at a time, each slice while the snapshot does not change.</summary>
    private static void InSlices(int count, Action<Action> unchanged, Action<int> row, CancellationToken ct)
    {
        for (var from = 0; from < count; from += SliceRows)
        {
            ct.ThrowIfCancellationRequested();
            var to = Math.Min(count, from + SliceRows);
            unchanged(() =>
            {
                for (var i = from; i < to; i++)
                {
                    row(i);
                }
            });
        }
    }

    private static void WriteNode(BinaryWriter writer, SnapshotNode node, StringTable strings, string? caseId)
    {
        writer.Write(node.Id);
        writer.Write((byte)node.Kind);
        writer.Write(node.Name);
        var flags = (ushort)((node.Country is null ? 0 : SnapshotFileFormat.NodeCountry)
            | (node.Value is null ? 0 : SnapshotFileFormat.NodeValue)
            | (node.ValueCurrency is null ? 0 : SnapshotFileFormat.NodeValueCurrency)
            | (node.ValueDate is null ? 0 : SnapshotFileFormat.NodeValueDate)
            | (node.ValidFrom is null ? 0 : SnapshotFileFormat.NodeValidFrom)
            | (node.ValidTo is null ? 0 : SnapshotFileFormat.NodeValidTo)
            | (caseId is null ? 0 : SnapshotFileFormat.NodeRestriction));
        writer.Write(flags);
        if (node.Country is { } country) writer.Write(strings.Number(country));
        if (node.Value is { } value) writer.Write(value);
        if (node.ValueCurrency is { } currency) writer.Write(strings.Number(currency));
        if (node.ValueDate is { } valueDate) writer.Write(valueDate.DayNumber);
        if (node.ValidFrom is { } from) writer.Write(from.DayNumber);
        if (node.ValidTo is { } to) writer.Write(to.DayNumber);
        if (caseId is not null) writer.Write(strings.Number(caseId));
    }

    private static void WriteEdge(BinaryWriter writer, SnapshotEdge edge, int source, int target, StringTable strings, string? caseId)
    {
        writer.Write(edge.Id);
        writer.Write((byte)edge.Kind);
        writer.Write(source);
        writer.Write(target);
        var flags = (ushort)((edge.ShareLow is null ? 0 : SnapshotFileFormat.EdgeShareLow)
            | (edge.ShareHigh is null ? 0 : SnapshotFileFormat.EdgeShareHigh)
            | (edge.ValidFrom is null ? 0 : SnapshotFileFormat.EdgeValidFrom)
            | (edge.ValidTo is null ? 0 : SnapshotFileFormat.EdgeValidTo)
            | (edge.Nominee ? SnapshotFileFormat.EdgeNominee : 0)
            | (edge.Role is null ? 0 : SnapshotFileFormat.EdgeRole)
            | (edge.VotingShare is null ? 0 : SnapshotFileFormat.EdgeVotingShare)
            | (edge.Amount is null ? 0 : SnapshotFileFormat.EdgeAmount)
            | (edge.Currency is null ? 0 : SnapshotFileFormat.EdgeCurrency)
            | (edge.Date is null ? 0 : SnapshotFileFormat.EdgeDate)
            | (caseId is null ? 0 : SnapshotFileFormat.EdgeRestriction));
        writer.Write(flags);
        if (edge.ShareLow is { } low) writer.Write(low);
        if (edge.ShareHigh is { } high) writer.Write(high);
        if (edge.ValidFrom is { } from) writer.Write(from.DayNumber);
        if (edge.ValidTo is { } to) writer.Write(to.DayNumber);
        if (edge.Role is { } role) writer.Write(strings.Number(role));
        if (edge.VotingShare is { } voting) writer.Write(voting);
        if (edge.Amount is { } amount) writer.Write(amount);
        if (edge.Currency is { } currency) writer.Write(strings.Number(currency));
        if (edge.Date is { } date) writer.Write(date.DayNumber);
        if (caseId is not null) writer.Write(strings.Number(caseId));
    }

    /// <summary>The repeated short texts, numbered in the order first met; written after the rows, once all are met.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public List<string> InOrder { get; } = [];

        public int Count => InOrder.Count;

        public int Number(string text)
        {
            if (!_numbers.TryGetValue(text, out var number))
            {
                number = InOrder.Count;
                _numbers.Add(text, number);
                InOrder.Add(text);
            }
            return number;
        }
    }
}
