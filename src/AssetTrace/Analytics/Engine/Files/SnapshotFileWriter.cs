using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// Writes a snapshot to its file (#18, layout in <see cref="SnapshotFileFormat"/>): into a temporary file
/// beside it, flushed to disk, then renamed over the old one, so a reader finds the old file or the new
/// one whole, never half of one. The caller keeps the snapshot from changing while it is written.
/// </summary>
public static class SnapshotFileWriter
{
    public static void Write(string path, StoreKind store, string storeIdentity, GraphSnapshot snapshot, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // A name of its own: two servers sharing a folder never write into the same temporary file.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var hashing = new HashingWriteStream(file);
                using (var writer = new BinaryWriter(hashing, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    WriteBody(writer, store, storeIdentity, snapshot, ct);
                }
                Span<byte> trailer = stackalloc byte[SnapshotFileFormat.TrailerLength];
                BitConverter.TryWriteBytes(trailer, hashing.Hash);
                file.Write(trailer);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void WriteBody(BinaryWriter writer, StoreKind store, string storeIdentity, GraphSnapshot snapshot, CancellationToken ct)
    {
        var nodes = snapshot.StoredNodes.Where(n => !n.Deleted).ToList();
        var positions = new Dictionary<SnapshotNode, int>(nodes.Count);
        foreach (var node in nodes)
        {
            positions.Add(node, positions.Count);
        }
        var edges = snapshot.StoredEdges.Where(e => !e.Deleted && positions.ContainsKey(e.Source) && positions.ContainsKey(e.Target)).ToList();
        var strings = new StringTable();
        foreach (var node in nodes)
        {
            strings.Add(node.Country);
            strings.Add(node.ValueCurrency);
            strings.Add(snapshot.CaseIdOf(node.Restriction));
        }
        foreach (var edge in edges)
        {
            strings.Add(edge.Role);
            strings.Add(edge.Currency);
            strings.Add(snapshot.CaseIdOf(edge.Restriction));
        }

        writer.Write(SnapshotFileFormat.Magic);
        writer.Write(SnapshotFileFormat.Version);
        writer.Write((byte)store);
        writer.Write(storeIdentity);
        writer.Write(snapshot.Version);
        writer.Write(nodes.Count);
        writer.Write(edges.Count);
        writer.Write(strings.Count);
        foreach (var text in strings.InOrder)
        {
            writer.Write(text);
        }
        var written = 0;
        foreach (var node in nodes)
        {
            if ((++written & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            WriteNode(writer, node, strings, snapshot.CaseIdOf(node.Restriction));
        }
        foreach (var edge in edges)
        {
            if ((++written & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            WriteEdge(writer, edge, positions, strings, snapshot.CaseIdOf(edge.Restriction));
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
        if (node.Country is { } country) writer.Write(strings[country]);
        if (node.Value is { } value) writer.Write(value);
        if (node.ValueCurrency is { } currency) writer.Write(strings[currency]);
        if (node.ValueDate is { } valueDate) writer.Write(valueDate.DayNumber);
        if (node.ValidFrom is { } from) writer.Write(from.DayNumber);
        if (node.ValidTo is { } to) writer.Write(to.DayNumber);
        if (caseId is not null) writer.Write(strings[caseId]);
    }

    private static void WriteEdge(BinaryWriter writer, SnapshotEdge edge, Dictionary<SnapshotNode, int> positions, StringTable strings, string? caseId)
    {
        writer.Write(edge.Id);
        writer.Write((byte)edge.Kind);
        writer.Write(positions[edge.Source]);
        writer.Write(positions[edge.Target]);
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
        if (edge.Role is { } role) writer.Write(strings[role]);
        if (edge.VotingShare is { } voting) writer.Write(voting);
        if (edge.Amount is { } amount) writer.Write(amount);
        if (edge.Currency is { } currency) writer.Write(strings[currency]);
        if (edge.Date is { } date) writer.Write(date.DayNumber);
        if (caseId is not null) writer.Write(strings[caseId]);
    }

    /// <summary>The repeated short texts, numbered in the order first met.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public List<string> InOrder { get; } = [];

        public int Count => InOrder.Count;

        public int this[string text] => _numbers[text];

        public void Add(string? text)
        {
            if (text is not null && _numbers.TryAdd(text, InOrder.Count))
            {
                InOrder.Add(text);
            }
        }
    }
}
