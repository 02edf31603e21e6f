using System.Data.Common;
using AssetTrace.Graph.Store.Bulk;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// The import's own statements of its inner loop (record maps read and superseded, sanction listings, merge suggestions),
/// prepared once per transaction; the graph's rows are written by the store's <see cref="BulkRowWriter"/>.
/// </summary>
internal sealed class BulkStatements : PreparedStatements
{
    public BulkStatements(DbConnection c, DbTransaction t) : base(c, t)
    {
        const ColumnType S = ColumnType.Text;
        FindRecord = Prepare("SELECT entity_id, owns, as_of, superseded_by FROM interchange_records WHERE record_key = @key AND entity_type = @type", ("key", S), ("type", S));
        FindRecordRange = Prepare("SELECT record_key, entity_type, entity_id, owns FROM interchange_records WHERE record_key >= @from AND record_key < @to AND superseded_by IS NULL",
            ("from", S), ("to", S));
        MarkSuperseded = Prepare("UPDATE interchange_records SET superseded_by = @by WHERE record_key = @key AND entity_type = @type", ("by", S), ("key", S), ("type", S));
        UpsertSanction = Prepare("""
            INSERT INTO sanction_listings (node_id, list_name, reference, listed_on, program, details, source_ref, import_run)
            VALUES (@nodeId, @list, @reference, @listedOn, @program, @details, @ref, @run)
            ON CONFLICT (list_name, reference, node_id) DO UPDATE SET listed_on = excluded.listed_on, program = excluded.program,
                details = excluded.details, source_ref = excluded.source_ref, import_run = excluded.import_run
            """, ("nodeId", S), ("list", S), ("reference", S), ("listedOn", ColumnType.Date), ("program", S), ("details", S), ("ref", S), ("run", S));
        InsertSuggestion = Prepare("""
            INSERT INTO merge_suggestions (id, node_id, candidate_id, reason, score, explanation, status, import_run, created_at)
            VALUES (@id, @nodeId, @candidateId, @reason, @score, @explanation, 'open', @run, @now) ON CONFLICT DO NOTHING
            """, ("id", S), ("nodeId", S), ("candidateId", S), ("reason", S), ("score", ColumnType.Numeric), ("explanation", S), ("run", S), ("now", ColumnType.Instant));
    }

    public PreparedCommand FindRecord { get; }
    public PreparedCommand FindRecordRange { get; }
    public PreparedCommand MarkSuperseded { get; }
    public PreparedCommand UpsertSanction { get; }
    public PreparedCommand InsertSuggestion { get; }
}
