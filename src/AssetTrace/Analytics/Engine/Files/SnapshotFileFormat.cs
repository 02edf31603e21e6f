namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// The analytics snapshot file (#18): the in-memory graph written beside the store, so a restarted server
/// reads it in seconds and catches up through the change counter instead of reading every row again.
/// Little-endian, as <see cref="BinaryWriter"/> writes; strings are its length-prefixed UTF-8.
/// <code>
/// header   magic "ATSNAPSH" · int32 format version · byte store kind · string store identity
///          · int64 change counter (Version)
/// nodes    id · byte kind · string name · uint16 which optional fields follow · those fields
/// edges    id · byte kind · int32 source and target (positions in the nodes) · uint16 flags · the optional fields
/// strings  the repeated short texts (countries, currencies, roles, case ids), each once; rows name them by number
/// footer   int64 where the strings start · int32 nodes · int32 edges · int32 strings
/// trailer  uint64 XxHash3 of every byte before it
/// </code>
/// The counts and the strings come last because the rows are written a slice at a time while the graph may grow
/// between slices (<see cref="SnapshotFileWriter"/>): only at the end is it known how many were written.
/// Only live facts are written (deleted ones are left out, as the whole load from the store leaves them out);
/// restrictions are written as the case id, so nothing depends on how a snapshot numbered its cases.
/// </summary>
public static class SnapshotFileFormat
{
    /// <summary>Raised whenever the layout changes: a file of another version is rebuilt, never read.</summary>
    public const int Version = 2;

    public const string FileName = "analytics-snapshot.bin";

    public static ReadOnlySpan<byte> Magic => "ATSNAPSH"u8;

    public const int TrailerLength = sizeof(ulong);

    public const int FooterLength = sizeof(long) + 3 * sizeof(int);

    // Which optional fields of a node follow its fixed ones.
    internal const ushort NodeCountry = 1, NodeValue = 2, NodeValueCurrency = 4, NodeValueDate = 8,
        NodeValidFrom = 16, NodeValidTo = 32, NodeRestriction = 64;

    // Which optional fields of an edge follow; EdgeNominee is the value itself.
    internal const ushort EdgeShareLow = 1, EdgeShareHigh = 2, EdgeValidFrom = 4, EdgeValidTo = 8, EdgeNominee = 16,
        EdgeRole = 32, EdgeVotingShare = 64, EdgeAmount = 128, EdgeCurrency = 256, EdgeDate = 512, EdgeRestriction = 1024;
}
