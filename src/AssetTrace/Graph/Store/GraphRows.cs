using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Graph.Store;

/// <summary>The column lists of the nodes and edges tables and how a row becomes a record.</summary>
internal static class GraphRows
{
    public const string NodeColumns =
        "n.id, n.kind, n.name, n.properties, n.valid_from, n.valid_to, n.source_kind, n.source_ref, n.obtained_at, n.recorded_by, n.restriction, n.version, n.created_at, n.created_by, n.updated_at, n.updated_by, n.restricted_case, n.origin_source, n.origin_restriction";

    /// <summary>How many columns <see cref="NodeColumns"/> names: a query that selects more reads them from here on.</summary>
    public const int NodeColumnCount = 19;

    /// <summary>How many columns <see cref="EdgeColumns"/> names.</summary>
    public const int EdgeColumnCount = 20;

    public const string EdgeColumns =
        "e.id, e.kind, e.source_id, e.target_id, e.properties, e.valid_from, e.valid_to, e.source_kind, e.source_ref, e.obtained_at, e.recorded_by, e.restriction, e.version, e.created_at, e.created_by, e.updated_at, e.updated_by, e.restricted_case, e.origin_source, e.origin_restriction";

    /// <summary>
    /// SQL that keeps rows valid on @asOf, both ends inclusive. Without a date every row is kept,
    /// and the SQL names no parameter (PostgreSQL cannot type a lone null parameter).
    /// </summary>
    public static string ValidOn(string alias, DateOnly? asOf) => asOf is null
        ? "1 = 1"
        : $"(({alias}.valid_from IS NULL OR {alias}.valid_from <= @asOf) AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= @asOf))";

    public static Node ReadNode(DbDataReader r) => new(
        r.GetString(0),
        Codes.ParseNodeKind(r.GetString(1)),
        r.GetString(2),
        Parse(r.GetString(3)),
        r.NullableDate(4),
        r.NullableDate(5),
        ReadProvenance(r, 6, 16),
        ReadStamp(r, 11));

    public static Edge ReadEdge(DbDataReader r)
    {
        var properties = Parse(r.GetString(4));
        return new Edge(
            r.GetString(0),
            Codes.ParseEdgeKind(r.GetString(1)),
            r.GetString(2),
            r.GetString(3),
            properties,
            Schema.GraphInputValidator.ShareOf(properties),
            r.NullableDate(5),
            r.NullableDate(6),
            ReadProvenance(r, 7, 17),
            ReadStamp(r, 12));
    }

    /// <param name="visibilityAt">Where restricted_case, origin_source and origin_restriction are.</param>
    private static Provenance ReadProvenance(DbDataReader r, int at, int visibilityAt) => new(
        Codes.Parse<SourceKind>(r.GetString(at)),
        r.NullableString(at + 1),
        r.Instant(at + 2),
        r.GetString(at + 3),
        Codes.Parse<UsageRestriction>(r.GetString(at + 4)),
        r.NullableString(visibilityAt),
        r.NullableString(visibilityAt + 1) is { } source
            ? new Channel(Codes.Parse<SourceKind>(source), Codes.Parse<UsageRestriction>(r.GetString(visibilityAt + 2)))
            : null);

    private static Stamp ReadStamp(DbDataReader r, int at) => new(
        r.GetInt32(at), r.Instant(at + 1), r.GetString(at + 2), r.Instant(at + 3), r.GetString(at + 4));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
