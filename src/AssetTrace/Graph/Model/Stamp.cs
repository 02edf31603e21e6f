namespace AssetTrace.Graph.Model;

/// <summary>Version and who-when bookkeeping of a stored record.</summary>
public sealed record Stamp(
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
