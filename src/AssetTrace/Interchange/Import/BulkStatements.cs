using System.Data.Common;
using AssetTrace.Graph.Store.Bulk;
using AssetTrace.Graph.Store;

namespace AssetTrace.Interchange.Import;

/// <summary>The statements of the bulk writer's inner loop, prepared once per transaction.</summary>
internal sealed class BulkStatements : IAsyncDisposable
{
    private readonly List<PreparedCommand> _all = [];

    public BulkStatements(DbConnection c, DbTransaction t)
    {
        PreparedCommand P(string sql, params (string, ParameterType)[] parameters)
        {
            var command = PreparedCommand.Create(c, t, sql, parameters);
            _all.Add(command);
            return command;
        }

        const ParameterType S = ParameterType.Text;
        FindRecord = P("SELECT entity_id, owns, as_of, superseded_by FROM interchange_records WHERE record_key = @key AND entity_type = @type", ("key", S), ("type", S));
        FindRecordRange = P("SELECT record_key, entity_type, entity_id, owns FROM interchange_records WHERE record_key >= @from AND record_key < @to AND superseded_by IS NULL",
            ("from", S), ("to", S));
        InsertRecord = P("""
            INSERT INTO interchange_records (record_key, entity_type, entity_id, owns, as_of, first_run, last_run) VALUES (@key, @type, @id, @owns, @asOf, @run, @run)
            ON CONFLICT (record_key, entity_type) DO UPDATE SET entity_id = excluded.entity_id, as_of = excluded.as_of, last_run = excluded.last_run
            """, ("key", S), ("type", S), ("id", S), ("owns", ParameterType.Bool), ("asOf", S), ("run", S));
        MarkSuperseded = P("UPDATE interchange_records SET superseded_by = @by WHERE record_key = @key AND entity_type = @type", ("by", S), ("key", S), ("type", S));
        FindIdentifier = P("SELECT node_id FROM interchange_identifiers WHERE identifier = @identifier ORDER BY node_id", ("identifier", S));
        DeleteIdentifiers = P("DELETE FROM interchange_identifiers WHERE node_id = @id", ("id", S));
        InsertIdentifier = P("INSERT INTO interchange_identifiers (identifier, node_id) VALUES (@identifier, @id) ON CONFLICT DO NOTHING", ("identifier", S), ("id", S));
        LoadNode = P($"SELECT {GraphRows.NodeColumns}, n.deleted FROM nodes n WHERE n.id = @id", ("id", S));
        LoadEdge = P($"SELECT {GraphRows.EdgeColumns}, e.deleted FROM edges e WHERE e.id = @id", ("id", S));
        InsertNode = P("""
            INSERT INTO nodes (id, kind, name, properties, valid_from, valid_to, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by, change_seq)
            VALUES (@id, @kind, @name, @properties, @validFrom, @validTo, @source, @ref, @obtained, @recordedBy, @restriction, 1, @now, @actor, @now, @actor, @seq)
            """, NodeParameters);
        UpdateNode = P("""
            UPDATE nodes SET name = @name, properties = @properties, valid_from = @validFrom, valid_to = @validTo,
                source_kind = @source, source_ref = @ref, obtained_at = @obtained, recorded_by = @recordedBy, restriction = @restriction,
                version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq
            WHERE id = @id
            """, [.. NodeParameters.Where(p => p.Item1 != "kind")]);
        InsertNodeVersion = P("""
            INSERT INTO node_versions (node_id, version, change, state, changed_at, changed_by, reason) VALUES (@id, @version, @change, @state, @at, @by, @reason)
            """, VersionParameters);
        InsertEdgeVersion = P("""
            INSERT INTO edge_versions (edge_id, version, change, state, changed_at, changed_by, reason) VALUES (@id, @version, @change, @state, @at, @by, @reason)
            """, VersionParameters);
        DeleteNameKeys = P("DELETE FROM node_name_keys WHERE node_id = @id", ("id", S));
        InsertNameKey = P("INSERT INTO node_name_keys (name_key, node_id) VALUES (@key, @id) ON CONFLICT DO NOTHING", ("key", S), ("id", S));
        InsertEdge = P("""
            INSERT INTO edges (id, kind, source_id, target_id, properties, share_low, share_high, valid_from, valid_to, source_kind, source_ref, obtained_at, recorded_by, restriction, version, created_at, created_by, updated_at, updated_by, change_seq)
            VALUES (@id, @kind, @sourceId, @targetId, @properties, @shareLow, @shareHigh, @validFrom, @validTo, @source, @ref, @obtained, @recordedBy, @restriction, 1, @now, @actor, @now, @actor, @seq)
            """, EdgeParameters);
        UpdateEdge = P("""
            UPDATE edges SET source_id = @sourceId, target_id = @targetId, properties = @properties, share_low = @shareLow, share_high = @shareHigh,
                valid_from = @validFrom, valid_to = @validTo, source_kind = @source, source_ref = @ref, obtained_at = @obtained, recorded_by = @recordedBy,
                restriction = @restriction, version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq
            WHERE id = @id
            """, [.. EdgeParameters.Where(p => p.Item1 != "kind")]);
        DeleteEdge = P("UPDATE edges SET deleted = true, version = version + 1, updated_at = @now, updated_by = @actor, change_seq = @seq WHERE id = @id",
            ("id", S), ("now", ParameterType.Instant), ("actor", S), ("seq", ParameterType.BigInteger));
        UpsertSanction = P("""
            INSERT INTO sanction_listings (node_id, list_name, reference, listed_on, program, details, source_ref, import_run)
            VALUES (@nodeId, @list, @reference, @listedOn, @program, @details, @ref, @run)
            ON CONFLICT (list_name, reference, node_id) DO UPDATE SET listed_on = excluded.listed_on, program = excluded.program,
                details = excluded.details, source_ref = excluded.source_ref, import_run = excluded.import_run
            """, ("nodeId", S), ("list", S), ("reference", S), ("listedOn", ParameterType.Date), ("program", S), ("details", S), ("ref", S), ("run", S));
        InsertSuggestion = P("""
            INSERT INTO merge_suggestions (id, node_id, candidate_id, reason, status, import_run, created_at)
            VALUES (@id, @nodeId, @candidateId, @reason, 'open', @run, @now) ON CONFLICT DO NOTHING
            """, ("id", S), ("nodeId", S), ("candidateId", S), ("reason", S), ("run", S), ("now", ParameterType.Instant));
    }

    private static readonly (string, ParameterType)[] NodeParameters =
    [
        ("id", ParameterType.Text), ("kind", ParameterType.Text), ("name", ParameterType.Text), ("properties", ParameterType.Json),
        ("validFrom", ParameterType.Date), ("validTo", ParameterType.Date), ("source", ParameterType.Text), ("ref", ParameterType.Text),
        ("obtained", ParameterType.Instant), ("recordedBy", ParameterType.Text), ("restriction", ParameterType.Text),
        ("now", ParameterType.Instant), ("actor", ParameterType.Text), ("seq", ParameterType.BigInteger),
    ];

    private static readonly (string, ParameterType)[] EdgeParameters =
    [
        ("id", ParameterType.Text), ("kind", ParameterType.Text), ("sourceId", ParameterType.Text), ("targetId", ParameterType.Text),
        ("properties", ParameterType.Json), ("shareLow", ParameterType.Numeric), ("shareHigh", ParameterType.Numeric),
        ("validFrom", ParameterType.Date), ("validTo", ParameterType.Date), ("source", ParameterType.Text), ("ref", ParameterType.Text),
        ("obtained", ParameterType.Instant), ("recordedBy", ParameterType.Text), ("restriction", ParameterType.Text),
        ("now", ParameterType.Instant), ("actor", ParameterType.Text), ("seq", ParameterType.BigInteger),
    ];

    private static readonly (string, ParameterType)[] VersionParameters =
    [
        ("id", ParameterType.Text), ("version", ParameterType.Count), ("change", ParameterType.Text), ("state", ParameterType.Text),
        ("at", ParameterType.Instant), ("by", ParameterType.Text), ("reason", ParameterType.Text),
    ];

    public PreparedCommand FindRecord { get; }
    public PreparedCommand FindRecordRange { get; }
    public PreparedCommand InsertRecord { get; }
    public PreparedCommand MarkSuperseded { get; }
    public PreparedCommand FindIdentifier { get; }
    public PreparedCommand DeleteIdentifiers { get; }
    public PreparedCommand InsertIdentifier { get; }
    public PreparedCommand LoadNode { get; }
    public PreparedCommand LoadEdge { get; }
    public PreparedCommand InsertNode { get; }
    public PreparedCommand UpdateNode { get; }
    public PreparedCommand InsertNodeVersion { get; }
    public PreparedCommand InsertEdgeVersion { get; }
    public PreparedCommand DeleteNameKeys { get; }
    public PreparedCommand InsertNameKey { get; }
    public PreparedCommand InsertEdge { get; }
    public PreparedCommand UpdateEdge { get; }
    public PreparedCommand DeleteEdge { get; }
    public PreparedCommand UpsertSanction { get; }
    public PreparedCommand InsertSuggestion { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _all)
        {
            await command.DisposeAsync();
        }
    }
}
