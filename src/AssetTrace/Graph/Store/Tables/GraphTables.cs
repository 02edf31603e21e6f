using AssetTrace.Graph.Model;
using static AssetTrace.Graph.Store.Tables.ColumnGroup;
using static AssetTrace.Graph.Store.Tables.ColumnType;

namespace AssetTrace.Graph.Store.Tables;

/// <summary>
/// The columns of the tables Graph/Store writes, each named once with its type and how a record
/// gives its value. GraphStore's single-row writes, the bulk writer's prepared statements and its
/// binary COPY all write from here: a new column is a migration per store, a line here and the
/// model's field (docs/ARCHITECTURE.md, "How a new column is added").
/// </summary>
internal static class GraphTables
{
    /// <summary>What an analyst's change sets (GraphStore.Update…): everything but the key, the identity and an edge's ends.</summary>
    public const ColumnGroup AnalystChange = Content | ColumnGroup.Provenance | ColumnGroup.Visibility | Change;

    /// <summary>What a re-import sets: its content and provenance, never who may see the fact (that is GraphStore's to change).</summary>
    public const ColumnGroup ImportChange = Ends | Content | ColumnGroup.Provenance | Change;

    /// <summary>
    /// What an import writes of a new node or edge: every column but who may see it. An imported fact is open until an
    /// analyst restricts it through GraphStore; leaving the columns out also spares the bulk path three values a row.
    /// </summary>
    public const ColumnGroup ImportWrite = ColumnGroup.All & ~ColumnGroup.Visibility;

    /// <summary>Set besides <see cref="ColumnGroup.Change"/> when a node or edge is deleted (kept, marked).</summary>
    public const string Deleted = "deleted = true";

    public static readonly TableColumns<NodeRow> Nodes = new("nodes",
    [
        new("id", Text, Key, (v, r) => v.Text(r.Node.Id)),
        new("kind", Text, Identity, (v, r) => v.Text(Codes.Of(r.Node.Kind))),
        new("name", Text, Content, (v, r) => v.Text(r.Node.Name)),
        new("properties", Json, Content, (v, r) => v.Json(r.Node.Properties)),
        new("valid_from", Date, Content, (v, r) => v.Date(r.Node.ValidFrom)),
        new("valid_to", Date, Content, (v, r) => v.Date(r.Node.ValidTo)),
        .. ProvenanceColumns<NodeRow>(r => r.Node.Provenance),
        .. StampColumns<NodeRow>(r => r.Node.Stamp, r => r.Seq),
        .. VisibilityColumns<NodeRow>(r => r.Node.Provenance),
    ]);

    public static readonly TableColumns<EdgeRow> Edges = new("edges",
    [
        new("id", Text, Key, (v, r) => v.Text(r.Edge.Id)),
        new("kind", Text, Identity, (v, r) => v.Text(Codes.Of(r.Edge.Kind))),
        new("source_id", Text, Ends, (v, r) => v.Text(r.Edge.SourceId)),
        new("target_id", Text, Ends, (v, r) => v.Text(r.Edge.TargetId)),
        new("properties", Json, Content, (v, r) => v.Json(r.Edge.Properties)),
        new("share_low", Numeric, Content, (v, r) => v.Numeric(r.Edge.Share?.Low)),
        new("share_high", Numeric, Content, (v, r) => v.Numeric(r.Edge.Share?.High)),
        new("valid_from", Date, Content, (v, r) => v.Date(r.Edge.ValidFrom)),
        new("valid_to", Date, Content, (v, r) => v.Date(r.Edge.ValidTo)),
        .. ProvenanceColumns<EdgeRow>(r => r.Edge.Provenance),
        .. StampColumns<EdgeRow>(r => r.Edge.Stamp, r => r.Seq),
        .. VisibilityColumns<EdgeRow>(r => r.Edge.Provenance),
    ]);

    public static readonly TableColumns<VersionRow> NodeVersions = Versions("node_versions", "node_id");

    public static readonly TableColumns<VersionRow> EdgeVersions = Versions("edge_versions", "edge_id");

    /// <summary>The name search index (see Graph/Names/NameKey); rows of a node are replaced whole when its names change.</summary>
    public static readonly TableColumns<KeyRow> NameKeys = new("node_name_keys",
    [
        new("name_key", Text, Key, (v, r) => v.Text(r.Key)),
        new("node_id", Text, Key, (v, r) => v.Text(r.NodeId)),
    ]);

    /// <summary>The identifier index imports match nodes by (see Interchange/Import/NodeIdentifiers).</summary>
    public static readonly TableColumns<KeyRow> Identifiers = new("interchange_identifiers",
    [
        new("identifier", Text, Key, (v, r) => v.Text(r.Key)),
        new("node_id", Text, Key, (v, r) => v.Text(r.NodeId)),
    ]);

    /// <summary>What each imported source record became; written with the rows it names, in the same COPY.</summary>
    public static readonly TableColumns<RecordMapRow> RecordMaps = new("interchange_records",
    [
        new("record_key", Text, Key, (v, r) => v.Text(r.Key)),
        new("entity_type", Text, Key, (v, r) => v.Text(r.Type)),
        new("entity_id", Text, Content, (v, r) => v.Text(r.EntityId)),
        new("owns", Bool, Identity, (v, r) => v.Bool(r.Owns)),
        new("as_of", Text, Content, (v, r) => v.Text(r.AsOf)),
        new("first_run", Text, Identity, (v, r) => v.Text(r.FirstRun)),
        new("last_run", Text, Change, (v, r) => v.Text(r.LastRun)),
    ]);

    /// <summary>For a record mapped before: it takes the new entity, as-of and run, and keeps its <c>owns</c> and first run.</summary>
    public static readonly string OnRecordMapConflict = " ON CONFLICT (record_key, entity_type) DO UPDATE SET "
        + string.Join(", ", RecordMaps.Columns.Where(c => c.Group is Content or Change).Select(c => $"{c.Name} = excluded.{c.Name}"));

    /// <summary>Maps a record, as the row it is or over the row it had (<see cref="OnRecordMapConflict"/>).</summary>
    public static readonly string UpsertRecordMap = RecordMaps.Insert + OnRecordMapConflict;

    /// <summary>Adds a search key; a key the node already has is kept (two names of a node can share one).</summary>
    public static string InsertKey<TRow>(TableColumns<TRow> table) => $"{table.Insert} ON CONFLICT DO NOTHING";

    /// <summary>Removes every search key of a node (parameter <c>@node_id</c>), before its keys are written again.</summary>
    public static string DeleteKeys<TRow>(TableColumns<TRow> table) => $"DELETE FROM {table.Table} WHERE node_id = @node_id";

    private static Column<TRow>[] ProvenanceColumns<TRow>(Func<TRow, Provenance> of) =>
    [
        new("source_kind", Text, ColumnGroup.Provenance, (v, r) => v.Text(Codes.Of(of(r).Source))),
        new("source_ref", Text, ColumnGroup.Provenance, (v, r) => v.Text(of(r).Reference)),
        new("obtained_at", Instant, ColumnGroup.Provenance, (v, r) => v.Instant(of(r).ObtainedAt)),
        new("recorded_by", Text, ColumnGroup.Provenance, (v, r) => v.Text(of(r).RecordedBy)),
        new("restriction", Text, ColumnGroup.Provenance, (v, r) => v.Text(Codes.Of(of(r).Restriction))),
    ];

    private static Column<TRow>[] StampColumns<TRow>(Func<TRow, Stamp> of, Func<TRow, long> seq) =>
    [
        new("version", Count, Change, (v, r) => v.Count(of(r).Version)),
        new("created_at", Instant, Identity, (v, r) => v.Instant(of(r).CreatedAt)),
        new("created_by", Text, Identity, (v, r) => v.Text(of(r).CreatedBy)),
        new("updated_at", Instant, Change, (v, r) => v.Instant(of(r).UpdatedAt)),
        new("updated_by", Text, Change, (v, r) => v.Text(of(r).UpdatedBy)),
        new("change_seq", BigInteger, Change, (v, r) => v.BigInteger(seq(r))),
    ];

    private static Column<TRow>[] VisibilityColumns<TRow>(Func<TRow, Provenance> of) =>
    [
        new("restricted_case", Text, ColumnGroup.Visibility, (v, r) => v.Text(of(r).CaseId)),
        new("origin_source", Text, ColumnGroup.Visibility, (v, r) => v.Text(of(r).Original is { } o ? Codes.Of(o.Source) : null)),
        new("origin_restriction", Text, ColumnGroup.Visibility, (v, r) => v.Text(of(r).Original is { } o ? Codes.Of(o.Restriction) : null)),
    ];

    private static TableColumns<VersionRow> Versions(string table, string idColumn) => new(table,
    [
        new(idColumn, Text, Key, (v, r) => v.Text(r.Id)),
        new("version", Count, Key, (v, r) => v.Count(r.Version)),
        new("change", Text, Content, (v, r) => v.Text(Codes.Of(r.Change))),
        new("state", Text, Content, (v, r) => v.Text(r.State)),
        new("changed_at", Instant, Content, (v, r) => v.Instant(r.At)),
        new("changed_by", Text, Content, (v, r) => v.Text(r.By)),
        new("reason", Text, Content, (v, r) => v.Text(r.Reason)),
    ]);
}
