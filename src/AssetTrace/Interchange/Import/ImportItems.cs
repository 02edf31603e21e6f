using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>Where a record sits in its file: the file, the line (0 when the format has none) and the record's own id.</summary>
public readonly record struct RecordLocation(string File, long Line, string? RecordId)
{
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}" : "")}{(RecordId is null ? "" : $" (record {RecordId})")}";
}

/// <summary>
/// What a format reader yields: nodes and edges named by the source's own record ids, which the
/// bulk writer maps onto graph ids. Readers know nothing about the store.
/// </summary>
public abstract record ImportItem(RecordLocation Location)
{
    /// <summary>When the source stated this (ISO 8601); an item older than the one last applied to its record is skipped as outdated.</summary>
    public string? AsOf { get; init; }
}

/// <summary>A node described by a source record.</summary>
public sealed record NodeRecord(
    RecordLocation Location,
    string RecordId,
    NodeKind Kind,
    JsonObject Properties,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null) : ImportItem(Location);

/// <summary>An edge between two records of the same source (by their record ids).</summary>
/// <param name="IfSourceIsCompany">
/// The edge to write instead when the source turns out to be a company: BODS 0.4 names the interested
/// party by record id only, and e.g. BENEFICIAL_OWNER_OF may only start at a person.
/// </param>
public sealed record EdgeRecord(
    RecordLocation Location,
    string RecordId,
    EdgeKind Kind,
    string SourceRecordId,
    string TargetRecordId,
    JsonObject Properties,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    EdgeAlternative? IfSourceIsCompany = null) : ImportItem(Location)
{
    /// <summary>A link implied by a property (FtM addressEntity) rather than stated as a record: a missing end is noted, not an error.</summary>
    public string? IgnoreIfDangling { get; init; }
}

/// <summary>Another kind and properties for an edge (see <see cref="EdgeRecord.IfSourceIsCompany"/>).</summary>
public sealed record EdgeAlternative(EdgeKind Kind, JsonObject Properties);

/// <summary>
/// A newer statement that replaces an older one (BODS <c>replacesStatements</c>): the new record
/// takes over the nodes and edges of the old one; the old one's edges whose suffix the new record
/// does not produce again are deleted.
/// </summary>
/// <param name="KeptEdgeSuffixes">The edge suffixes (after <c>/</c>) the new record produces.</param>
public sealed record SupersedeRecord(
    RecordLocation Location,
    string OldRecordId,
    string NewRecordId,
    IReadOnlySet<string> KeptEdgeSuffixes) : ImportItem(Location);

/// <summary>A listing of a record's node on a sanctions list.</summary>
public sealed record SanctionRecord(
    RecordLocation Location,
    string NodeRecordId,
    string ListName,
    string Reference,
    DateOnly? ListedOn,
    string? Program,
    JsonObject Details) : ImportItem(Location);

/// <summary>A record the reader could not understand; it is reported, and in strict mode stops the import.</summary>
public sealed record BadRecord(RecordLocation Location, string Reason) : ImportItem(Location);

/// <summary>A well-formed record of a kind the model does not hold (an FtM Passport, a delta's deletion): counted, not an error.</summary>
public sealed record IgnoredRecord(RecordLocation Location, string Reason) : ImportItem(Location);

/// <summary>A source's own statement that two of its records may be the same (ICIJ same_as, similar): a merge suggestion, never a merge.</summary>
public sealed record SameAsRecord(RecordLocation Location, string RecordId, string OtherRecordId, string Reason) : ImportItem(Location);
