using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Leads;

/// <summary>
/// Leads (#15): raised by a crawl, listed for those who see their case, accepted (the facts go into
/// the graph through <see cref="GraphStore"/>, with the snapshot as their source, in the transaction
/// that marks the lead accepted) or dismissed with a reason. Each of these is audited as "lead/{id}".
/// </summary>
public sealed class LeadStore(Database database, GraphStore graph, GraphSchema schema, SnapshotStore snapshots, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a lead per case of each matched node; a lead already raised by the same snapshot and record is not raised again.</summary>
    public Task<int> RaiseAsync(Snapshot snapshot, RecordMapping mapping, IReadOnlyList<LeadCandidate> candidates, WatchedSubjects watched, CancellationToken ct)
    {
        if (candidates.Count == 0)
        {
            return Task.FromResult(0);
        }
        return database.WriteAsync(async (c, t) =>
        {
            var raised = 0;
            var now = clock.GetUtcNow();
            foreach (var candidate in candidates)
            {
                foreach (var caseId in watched.CasesOf(candidate.NodeId))
                {
                    var id = Guid.CreateVersion7().ToString();
                    var record = JsonSerializer.Serialize(candidate.Record, Json);
                    var added = await c.ExecuteAsync(t, """
                        INSERT INTO watch_leads (id, source, snapshot_id, case_id, node_id, record, becomes, score, matched_name, explanation, status, created_at)
                        VALUES (@id, @s, @snap, @case, @node, @rec, @becomes, @score, @m, @x, 'open', @now)
                        ON CONFLICT (snapshot_id, case_id, node_id, record) DO NOTHING
                        """, ct, ("id", id), ("s", snapshot.Source), ("snap", snapshot.Id), ("case", caseId), ("node", candidate.NodeId), ("rec", record),
                        ("becomes", JsonSerializer.Serialize(Becomes(mapping, candidate), Json)), ("score", candidate.Score), ("m", candidate.MatchedText), ("x", JsonSerializer.Serialize(candidate.Explanation)), ("now", now));
                    if (added == 1)
                    {
                        raised++;
                        await audit.AppendAsync(c, t, new AuditRecord("watch", "lead.raised", $"lead/{id}", null,
                            JsonSerializer.Serialize(new { caseId, nodeId = candidate.NodeId, snapshot.Url, snapshot.Sha256, candidate.MatchedText, candidate.Score }), null), ct);
                    }
                }
            }
            return raised;
        }, ct);
    }

    /// <summary>The leads of the cases the viewer sees, newest first.</summary>
    public Task<List<Lead>> ListAsync(Viewer viewer, LeadStatus? status, string? caseId, int limit, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var parameters = new List<(string, object?)> { ("st", status is null ? "" : Codes.Of(status.Value)), ("case", caseId ?? ""), ("n", limit) };
            var visible = VisibilitySql.Visible("l", viewer, parameters).Replace("l.restricted_case", "l.case_id", StringComparison.Ordinal);
            return await c.QueryAsync(null, $"""
                SELECT {Columns} FROM watch_leads l
                WHERE (@st = '' OR l.status = @st) AND (@case = '' OR l.case_id = @case) AND {visible}{RosterOnly(viewer)}
                ORDER BY l.created_at DESC, l.id DESC LIMIT @n
                """, Read, ct, [.. parameters]);
        }, ct);

    /// <summary>
    /// For a Commission member who is not otherwise a reader, only the leads on a person with a roster entry in the
    /// lead's case (read from the roster's table, never written).
    /// </summary>
    private static string RosterOnly(Viewer viewer) => WatchRoles.ReadsRosterLeadsOnly(viewer)
        ? " AND EXISTS (SELECT 1 FROM roster_entries r WHERE r.case_id = l.case_id AND r.subject_id = l.node_id)"
        : "";

    /// <summary>For each of the snapshots, the cases of the leads it raised (a snapshot that raised none is absent).</summary>
    public Task<Dictionary<string, HashSet<string>>> CasesOfSnapshotsAsync(IReadOnlyCollection<string> snapshotIds, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var cases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var chunk in snapshotIds.Distinct().Chunk(400))
            {
                var (list, parameters) = SqlList.Of("s", chunk);
                var rows = await c.QueryAsync(null, $"SELECT DISTINCT snapshot_id, case_id FROM watch_leads WHERE snapshot_id IN ({list})",
                    r => (Snapshot: r.GetString(0), Case: r.GetString(1)), ct, parameters);
                foreach (var row in rows)
                {
                    (cases.TryGetValue(row.Snapshot, out var set) ? set : cases[row.Snapshot] = new HashSet<string>(StringComparer.Ordinal)).Add(row.Case);
                }
            }
            return cases;
        }, ct);

    public async Task<Lead?> GetAsync(Viewer viewer, string id, CancellationToken ct)
    {
        var lead = await database.ReadAsync(async c => (await c.QueryAsync(null, $"SELECT {Columns} FROM watch_leads l WHERE l.id = @id{RosterOnly(viewer)}", Read, ct, ("id", id))).SingleOrDefault(), ct);
        return lead is not null && viewer.Sees(lead.CaseId) ? lead : null;
    }

    /// <summary>
    /// Writes what the lead found into the graph, restricted to its case, with the snapshot (address,
    /// time, SHA-256) as the source: the record as a node of the source's kind, and the source's link to
    /// the watched node when it names one.
    /// </summary>
    public async Task<Lead> AcceptAsync(string id, Viewer actor, CancellationToken ct)
    {
        // Here as well as in the resolver and the page: Commission members read leads they may not decide.
        WatchRoles.Require(actor, "Accepting a lead", WatchRoles.Operators);
        var lead = await GetAsync(actor, id, ct) ?? throw new NotFoundException("lead", id);
        if (lead.Status != LeadStatus.Open)
        {
            throw new ConflictException($"The lead {id} was already {Codes.Of(lead.Status)} by {lead.DecidedBy}; reload the leads.");
        }
        var snapshot = await snapshots.GetAsync(lead.SnapshotId, ct) ?? throw new NotFoundException("snapshot", lead.SnapshotId);
        try
        {
            // The fact will cite the snapshot's hash as its source: not when the body kept under it is no longer what was fetched.
            await snapshots.VerifiedBodyAsync(snapshot, ct);
        }
        catch (SnapshotTamperedException e)
        {
            throw new ConflictException($"The lead {id} is not accepted: {e.Message} Tell the administrator; the page can be fetched again by a new run.");
        }
        var provenance = new ProvenanceDraft(SourceKind.OpenSource, snapshot.Reference, snapshot.FetchedAt, UsageRestriction.Evidence, lead.CaseId);
        var nodeId = $"watch-{lead.Id}";
        var nodes = new List<NodeDraft> { new(Codes.ParseNodeKind(lead.Becomes.Kind), JsonSerializer.SerializeToElement(lead.Becomes.Properties), provenance, Id: nodeId) };
        var edges = new List<EdgeDraft>();
        if (lead.Becomes.LinkEdge is { } link)
        {
            var (from, to) = lead.Becomes.LinkFromSubject ? (lead.NodeId, nodeId) : (nodeId, lead.NodeId);
            edges.Add(new EdgeDraft(Codes.ParseEdgeKind(link), from, to, JsonSerializer.SerializeToElement(new { }), provenance));
        }
        var now = clock.GetUtcNow();
        await graph.CreateManyAsync(nodes, edges, actor, async (c, t, writtenNodes, writtenEdges) =>
        {
            var facts = writtenNodes.Select(n => n.Id).Concat(writtenEdges.Select(e => e.Id)).ToList();
            await DecideAsync(c, t, lead, LeadStatus.Accepted, actor, null, facts, now, ct);
        }, ct);
        return (await GetAsync(actor, id, ct))!;
    }

    /// <summary>
    /// The record as a node of the mapping's kind with the properties that kind defines (a list's other columns,
    /// a director's name on a company row, stay in the snapshot), and the mapping's link to the watched node.
    /// </summary>
    private LeadFacts Becomes(RecordMapping mapping, LeadCandidate candidate)
    {
        var kind = Codes.ParseNodeKind(mapping.Kind);
        var defined = schema.Nodes[kind].Properties;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in candidate.Record.Values.Where(v => v.Property != "name" && defined.ContainsKey(v.Property) && !mapping.TextProperties.Contains(v.Property)))
        {
            properties.TryAdd(value.Property, value.Text);
        }
        // With a link, the record is something else (a company the subject directs); without, it is the subject as the page names them.
        properties["name"] = mapping.Link is null ? candidate.MatchedText : candidate.Record.Of("name").FirstOrDefault()?.Text ?? candidate.MatchedText;
        return new LeadFacts(mapping.Kind, properties, mapping.Link?.Edge, mapping.Link?.FromSubject ?? false);
    }

    public async Task<Lead> DismissAsync(string id, string reason, Viewer actor, CancellationToken ct)
    {
        WatchRoles.Require(actor, "Dismissing a lead", WatchRoles.Operators);
        reason = reason.Trim();
        if (reason.Length is 0 or > 1000 || reason.Any(char.IsControl))
        {
            throw new UserInputException("reason", "say in one line of at most 1,000 characters why the lead is dismissed (e.g. 'a namesake: other birth date').");
        }
        var lead = await GetAsync(actor, id, ct) ?? throw new NotFoundException("lead", id);
        await database.WriteAsync(async (c, t) =>
        {
            await DecideAsync(c, t, lead, LeadStatus.Dismissed, actor, reason, [], clock.GetUtcNow(), ct);
            return 0;
        }, ct);
        return (await GetAsync(actor, id, ct))!;
    }

    private async Task DecideAsync(DbConnection c, DbTransaction t, Lead lead, LeadStatus status, Viewer actor, string? reason, List<string> facts, DateTimeOffset now, CancellationToken ct)
    {
        var changed = await c.ExecuteAsync(t, """
            UPDATE watch_leads SET status = @st, decided_at = @now, decided_by = @by, reason = @r, facts = @f WHERE id = @id AND status = 'open'
            """, ct, ("st", Codes.Of(status)), ("now", now), ("by", actor.Name), ("r", reason), ("f", JsonSerializer.Serialize(facts)), ("id", lead.Id));
        if (changed == 0)
        {
            throw new ConflictException($"The lead {lead.Id} was decided meanwhile by someone else; reload the leads.");
        }
        await audit.AppendAsync(c, t, new AuditRecord(actor.Name, $"lead.{Codes.Of(status)}", $"lead/{lead.Id}",
            JsonSerializer.Serialize(new { status = "open" }), JsonSerializer.Serialize(new { status = Codes.Of(status), reason, facts }), reason), ct);
    }

    private const string Columns = "l.id, l.source, l.snapshot_id, l.case_id, l.node_id, l.record, l.matched_name, l.score, l.explanation, l.status, l.created_at, l.decided_at, l.decided_by, l.reason, l.facts, l.becomes";

    private static Lead Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        JsonSerializer.Deserialize<ExtractedRecord>(r.GetString(5), Json)!, r.GetString(6), r.GetDouble(7),
        JsonSerializer.Deserialize<List<string>>(r.GetString(8))!, Codes.Parse<LeadStatus>(r.GetString(9)), r.Instant(10), r.NullableInstant(11),
        r.NullableString(12), r.NullableString(13), JsonSerializer.Deserialize<List<string>>(r.GetString(14))!,
        JsonSerializer.Deserialize<LeadFacts>(r.GetString(15), Json)!);
}
