using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>How an import runs.</summary>
/// <param name="Strict">Stop at the first bad record and write nothing; otherwise skip it, report it and go on.</param>
/// <param name="Restriction">The usage restriction of every imported fact; evidence unless the caller says otherwise.</param>
/// <param name="ObtainedAt">When the file was obtained; the time of the import when not given.</param>
/// <param name="ChunkSize">Items applied together (1 to 5,000): what is imported does not depend on it; tests vary it.</param>
public sealed record ImportOptions(
    string Actor,
    bool Strict = false,
    UsageRestriction Restriction = UsageRestriction.Evidence,
    DateTimeOffset? ObtainedAt = null,
    int MaxReportedErrors = 1000,
    int ChunkSize = BulkSession.ChunkSize)
{
    public int ChunkSize { get; } = ChunkSize is >= 1 and <= BulkSession.ChunkSize ? ChunkSize
        : throw new ArgumentOutOfRangeException(nameof(ChunkSize), ChunkSize, $"a chunk holds 1 to {BulkSession.ChunkSize} items.");
}

/// <summary>How far a run has read, for a progress bar.</summary>
public readonly record struct ImportProgress(string File, long BytesRead, long? TotalBytes, long Records);
