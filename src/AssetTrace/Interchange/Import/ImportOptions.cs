using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>How an import runs.</summary>
/// <param name="Strict">Stop at the first bad record and write nothing; otherwise skip it, report it and go on.</param>
/// <param name="Restriction">The usage restriction of every imported fact; evidence unless the caller says otherwise.</param>
/// <param name="ObtainedAt">When the file was obtained; the time of the import when not given.</param>
public sealed record ImportOptions(
    string Actor,
    bool Strict = false,
    UsageRestriction Restriction = UsageRestriction.Evidence,
    DateTimeOffset? ObtainedAt = null,
    int MaxReportedErrors = 1000);

/// <summary>How far a run has read, for a progress bar.</summary>
public readonly record struct ImportProgress(string File, long BytesRead, long? TotalBytes, long Records);
