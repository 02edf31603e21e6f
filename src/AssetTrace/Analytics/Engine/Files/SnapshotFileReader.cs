using System.IO.Hashing;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// Reads a snapshot file (#18, layout in <see cref="SnapshotFileFormat"/>) into a new <see cref="GraphSnapshot"/>.
/// The header is checked first (format version, store and its identity), then the checksum over the whole
/// file, and only then are rows read: a damaged length can therefore never make it allocate or read wild.
/// Anything that does not hold throws <see cref="SnapshotFileRejectedException"/> saying what.
/// </summary>
public static class SnapshotFileReader
{
    /// <summary>What the file is of and how many rows it holds (its header and footer), before its rows are read.</summary>
    public sealed record Header(int FormatVersion, StoreKind Store, string StoreIdentity, long Version, int Nodes, int Edges, int Strings);

    /// <param name="rowRead">Called once per node and edge read, for the warming progress.</param>
    public static GraphSnapshot Read(string path, StoreKind store, string storeIdentity, Action<Header> started, Action rowRead, CancellationToken ct)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
            var (format, kind, identity, version) = ReadHeader(reader, path);
            if (kind != store || identity != storeIdentity)
            {
                throw new SnapshotFileRejectedException($"{path} was written from another store ({kind} {identity}, this is {store} {storeIdentity})");
            }
            var rowsAt = file.Position;
            VerifyChecksum(file, path, ct);
            var footerAt = file.Length - SnapshotFileFormat.TrailerLength - SnapshotFileFormat.FooterLength;
            file.Position = footerAt;
            var (stringsAt, nodes, edges, count) = (reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            // The smallest node takes 5 bytes and the smallest edge 12: counts the rows cannot hold are refused before anything is allocated for them.
            if (stringsAt < rowsAt || stringsAt > footerAt || nodes < 0 || edges < 0 || count < 0 || nodes * 5L + edges * 12L > stringsAt - rowsAt)
            {
                throw new SnapshotFileRejectedException($"{path} has a damaged footer");
            }
            var header = new Header(format, kind, identity, version, nodes, edges, count);
            file.Position = stringsAt;
            var strings = new string[count];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = reader.ReadString();
            }
            Expect(file.Position == footerAt, path);
            file.Position = rowsAt;
            started(header);
            var snapshot = ReadRows(reader, header, strings, rowRead, ct);
            Expect(file.Position == stringsAt, path);
            return snapshot;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new SnapshotFileRejectedException($"{path} cannot be read ({e.Message})", e);
        }
    }

    private static (int Format, StoreKind Store, string Identity, long Version) ReadHeader(BinaryReader reader, string path)
    {
        Span<byte> magic = stackalloc byte[SnapshotFileFormat.Magic.Length];
        reader.BaseStream.ReadExactly(magic);
        if (!magic.SequenceEqual(SnapshotFileFormat.Magic))
        {
            throw new SnapshotFileRejectedException($"{path} is not an analytics snapshot file");
        }
        var format = reader.ReadInt32();
        if (format != SnapshotFileFormat.Version)
        {
            throw new SnapshotFileRejectedException($"{path} has format version {format}; this server reads version {SnapshotFileFormat.Version}");
        }
        var (kind, identity, version) = ((StoreKind)reader.ReadByte(), reader.ReadString(), reader.ReadInt64());
        if (version < 0)
        {
            throw new SnapshotFileRejectedException($"{path} has a damaged header");
        }
        return (format, kind, identity, version);
    }

    /// <summary>The sections must meet where the footer says: a file whose checksum holds but whose parts do not is refused all the same.</summary>
    private static void Expect(bool meets, string path)
    {
        if (!meets)
        {
            throw new SnapshotFileRejectedException($"{path} has sections that do not meet where its footer says");
        }
    }

    private static void VerifyChecksum(FileStream file, string path, CancellationToken ct)
    {
        var length = file.Length - SnapshotFileFormat.TrailerLength;
        if (length < 0)
        {
            throw new SnapshotFileRejectedException($"{path} is cut short");
        }
        file.Position = 0;
        var hash = new XxHash3();
        var buffer = new byte[1 << 20];
        for (var left = length; left > 0;)
        {
            ct.ThrowIfCancellationRequested();
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new SnapshotFileRejectedException($"{path} is cut short");
            }
            hash.Append(buffer.AsSpan(0, read));
            left -= read;
        }
        Span<byte> trailer = stackalloc byte[SnapshotFileFormat.TrailerLength];
        file.ReadExactly(trailer);
        if (BitConverter.ToUInt64(trailer) != hash.GetCurrentHashAsUInt64())
        {
            throw new SnapshotFileRejectedException($"{path} is damaged (its checksum does not match its contents)");
        }
    }

    private static GraphSnapshot ReadRows(BinaryReader reader, Header header, string[] strings, Action rowRead, CancellationToken ct)
    {
        var snapshot = new GraphSnapshot { Version = header.Version };
        var nodes = new SnapshotNode[header.Nodes];
        for (var i = 0; i < nodes.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            nodes[i] = ReadNode(reader, i, snapshot, strings);
            rowRead();
        }
        var edges = new SnapshotEdge[header.Edges];
        for (var i = 0; i < edges.Length; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            edges[i] = ReadEdge(reader, snapshot, strings, nodes);
            rowRead();
        }
        snapshot.AddWhole(nodes, edges);
        return snapshot;
    }

    private static SnapshotNode ReadNode(BinaryReader reader, int index, GraphSnapshot snapshot, string[] strings)
    {
        var node = new SnapshotNode { Index = index, Id = reader.ReadString(), Kind = (NodeKind)reader.ReadByte(), Name = reader.ReadString() };
        var flags = reader.ReadUInt16();
        node.Country = Has(flags, SnapshotFileFormat.NodeCountry) ? strings[reader.ReadInt32()] : null;
        node.Value = Has(flags, SnapshotFileFormat.NodeValue) ? reader.ReadDecimal() : null;
        node.ValueCurrency = Has(flags, SnapshotFileFormat.NodeValueCurrency) ? strings[reader.ReadInt32()] : null;
        node.ValueDate = Has(flags, SnapshotFileFormat.NodeValueDate) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        node.ValidFrom = Has(flags, SnapshotFileFormat.NodeValidFrom) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        node.ValidTo = Has(flags, SnapshotFileFormat.NodeValidTo) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        node.Restriction = snapshot.NumberCase(Has(flags, SnapshotFileFormat.NodeRestriction) ? strings[reader.ReadInt32()] : null);
        return node;
    }

    private static SnapshotEdge ReadEdge(BinaryReader reader, GraphSnapshot snapshot, string[] strings, SnapshotNode[] nodes)
    {
        var id = reader.ReadString();
        var kind = (EdgeKind)reader.ReadByte();
        var edge = new SnapshotEdge { Id = id, Kind = kind, Source = nodes[reader.ReadInt32()], Target = nodes[reader.ReadInt32()] };
        var flags = reader.ReadUInt16();
        edge.ShareLow = Has(flags, SnapshotFileFormat.EdgeShareLow) ? reader.ReadDouble() : null;
        edge.ShareHigh = Has(flags, SnapshotFileFormat.EdgeShareHigh) ? reader.ReadDouble() : null;
        edge.ValidFrom = Has(flags, SnapshotFileFormat.EdgeValidFrom) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        edge.ValidTo = Has(flags, SnapshotFileFormat.EdgeValidTo) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        edge.Nominee = Has(flags, SnapshotFileFormat.EdgeNominee);
        edge.Role = Has(flags, SnapshotFileFormat.EdgeRole) ? strings[reader.ReadInt32()] : null;
        edge.VotingShare = Has(flags, SnapshotFileFormat.EdgeVotingShare) ? reader.ReadDouble() : null;
        edge.Amount = Has(flags, SnapshotFileFormat.EdgeAmount) ? reader.ReadDecimal() : null;
        edge.Currency = Has(flags, SnapshotFileFormat.EdgeCurrency) ? strings[reader.ReadInt32()] : null;
        edge.Date = Has(flags, SnapshotFileFormat.EdgeDate) ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
        edge.Restriction = snapshot.NumberCase(Has(flags, SnapshotFileFormat.EdgeRestriction) ? strings[reader.ReadInt32()] : null);
        return edge;
    }

    private static bool Has(ushort flags, ushort field) => (flags & field) != 0;
}
