using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store.Tables;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Store;

/// <summary>
/// Creates, changes and deletes nodes and edges. Every change checks the input against the
/// model first, keeps the earlier version, and appends to the audit log in the same
/// transaction: nothing is half-written and nothing is silently overwritten. A fact restricted
/// to a case the actor does not work on does not exist for them here either (see Visibility/).
/// </summary>
public sealed partial class GraphStore(Database database, GraphInputValidator validator, AuditLog audit, TimeProvider clock)
{
    public async Task<Node> CreateNodeAsync(NodeDraft draft, Viewer actor, CancellationToken ct) =>
        (await CreateManyAsync([draft], [], actor, null, ct)).Nodes[0];

    public async Task<Edge> CreateEdgeAsync(EdgeDraft draft, Viewer actor, CancellationToken ct) =>
        (await CreateManyAsync([], [draft], actor, null, ct)).Edges[0];

    /// <summary>
    /// Creates several nodes and the edges between them (or to existing nodes) in one transaction:
    /// all are written or none. Errors name the item, e.g. <c>input.edges[1].properties.share</c>.
    /// <paramref name="alsoInTransaction"/> runs inside the same transaction, for a caller that
    /// records what the facts are evidence of (e.g. the request whose answer established them).
    /// </summary>
    public async Task<(IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges)> CreateManyAsync(
        IReadOnlyList<NodeDraft> nodes, IReadOnlyList<EdgeDraft> edges, Viewer actor,
        Func<DbConnection, DbTransaction, IReadOnlyList<Node>, IReadOnlyList<Edge>, Task>? alsoInTransaction, CancellationToken ct)
    {
        var single = nodes.Count + edges.Count == 1;
        for (var i = 0; i < nodes.Count; i++)
        {
            var draft = nodes[i];
            Prefixed(single, $"nodes[{i}]", () => validator.ValidateNode(draft.Kind, draft.Properties, draft.ValidFrom, draft.ValidTo));
        }
        var created = await database.WriteAsync(async (c, t) =>
        {
            var seq = await GraphVersion.BumpAsync(c, t, ct);
            var now = clock.GetUtcNow();
            var writtenNodes = new List<Node>();
            for (var i = 0; i < nodes.Count; i++)
            {
                writtenNodes.Add(await PrefixedAsync(single, $"nodes[{i}]", () => InsertNodeAsync(c, t, nodes[i], actor, now, seq, ct)));
            }
            var writtenEdges = new List<Edge>();
            for (var i = 0; i < edges.Count; i++)
            {
                writtenEdges.Add(await PrefixedAsync(single, $"edges[{i}]", () => InsertEdgeAsync(c, t, edges[i], actor, now, seq, ct)));
            }
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction(c, t, writtenNodes, writtenEdges);
            }
            return (writtenNodes, writtenEdges);
        }, ct);
        return created;
    }

    private async Task<Node> InsertNodeAsync(DbConnection c, DbTransaction t, NodeDraft draft, Viewer actor, DateTimeOffset now, long seq, CancellationToken ct)
    {
        var id = CheckId(draft.Id) ?? NewId();
        var caseId = await CaseOfAsync(c, t, draft.Provenance, null, actor, ct);
        var node = new Node(id, draft.Kind, NameOf(draft.Properties), draft.Properties, draft.ValidFrom, draft.ValidTo,
            Complete(draft.Provenance, actor.Name, now, caseId), new Stamp(1, now, actor.Name, now, actor.Name));
        if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM nodes WHERE id = @id", ct, ("id", id)) > 0)
        {
            throw new UserInputException("input.id", $"a node with id '{id}' already exists.");
        }
        await c.ExecuteAsync(t, GraphTables.Nodes.Insert, ct, GraphTables.Nodes.Values(new NodeRow(node, seq)));
        await WriteNameKeysAsync(c, t, node, ct);
        await RecordNodeVersionAsync(c, t, node, ChangeKind.Created, null, null, ct);
        return node;
    }

    private async Task<Edge> InsertEdgeAsync(DbConnection c, DbTransaction t, EdgeDraft draft, Viewer actor, DateTimeOffset now, long seq, CancellationToken ct)
    {
        var id = CheckId(draft.Id) ?? NewId();
        var source = await FindLiveNodeAsync(c, t, draft.SourceId, "input.sourceId", actor, ct);
        GraphInputValidator.CheckEnds(draft.Kind, draft.SourceId, draft.TargetId, source.Kind, draft.Properties);
        var target = await FindLiveNodeAsync(c, t, draft.TargetId, "input.targetId", actor, ct);
        validator.ValidateEdge(draft.Kind, source.Kind, target.Kind, draft.Properties, draft.ValidFrom, draft.ValidTo);
        if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM edges WHERE id = @id", ct, ("id", id)) > 0)
        {
            throw new UserInputException("input.id", $"an edge with id '{id}' already exists.");
        }
        var caseId = await CaseOfAsync(c, t, draft.Provenance, null, actor, ct);
        var edge = new Edge(id, draft.Kind, draft.SourceId, draft.TargetId, draft.Properties, GraphInputValidator.ShareOf(draft.Properties),
            draft.ValidFrom, draft.ValidTo, Complete(draft.Provenance, actor.Name, now, caseId), new Stamp(1, now, actor.Name, now, actor.Name));
        await c.ExecuteAsync(t, GraphTables.Edges.Insert, ct, GraphTables.Edges.Values(new EdgeRow(edge, seq)));
        await RecordEdgeVersionAsync(c, t, edge, ChangeKind.Created, null, null, ct);
        return edge;
    }

    /// <summary>In a batch, an error's field names the item: input.x → input.nodes[2].x.</summary>
    private static void Prefixed(bool single, string item, Action action)
    {
        try
        {
            action();
        }
        catch (UserInputException e) when (!single)
        {
            throw Reprefixed(e, item);
        }
    }

    private static async Task<T> PrefixedAsync<T>(bool single, string item, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (UserInputException e) when (!single)
        {
            throw Reprefixed(e, item);
        }
    }

    private static UserInputException Reprefixed(UserInputException e, string item) =>
        new([.. e.Errors.Select(f => f with { Field = f.Field.StartsWith("input.", StringComparison.Ordinal) ? $"input.{item}.{f.Field[6..]}" : f.Field })]);

    public async Task<Node> UpdateNodeAsync(Patch patch, Viewer actor, CancellationToken ct)
    {
        RequireReason(patch.Reason);
        var updated = await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadNodeAsync(c, t, patch.Id, actor, ct);
            CheckVersion("node", current.Id, current.Stamp, patch.ExpectedVersion);
            var properties = patch.Properties is { } p ? MergePatch(current.Properties, p) : current.Properties;
            var validFrom = patch.ValidFrom.Or(current.ValidFrom);
            var validTo = patch.ValidTo.Or(current.ValidTo);
            validator.ValidateNode(current.Kind, properties, validFrom, validTo);
            var now = clock.GetUtcNow();
            var next = current with
            {
                Name = NameOf(properties),
                Properties = properties,
                ValidFrom = validFrom,
                ValidTo = validTo,
                Provenance = await ChangedProvenanceAsync(c, t, $"node/{current.Id}", current.Provenance, patch, actor, now, ct),
                Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor.Name },
            };
            await WriteNodeChangeAsync(c, t, next, GraphTables.AnalystChange, await GraphVersion.BumpAsync(c, t, ct), ct);
            await RecordNodeVersionAsync(c, t, next, ChangeKind.Updated, current, patch.Reason, ct);
            return next;
        }, ct);
        return updated;
    }

    /// <summary>Deletes a node and, with the same reason, every edge still attached to it.</summary>
    public async Task<Node> DeleteNodeAsync(string id, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RequireReason(reason);
        var deleted = await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadNodeAsync(c, t, id, actor, ct);
            CheckVersion("node", id, current.Stamp, expectedVersion);
            var seq = await GraphVersion.BumpAsync(c, t, ct);
            var attached = await c.QueryAsync(t,
                $"SELECT {GraphRows.EdgeColumns} FROM edges e WHERE NOT e.deleted AND (e.source_id = @id OR e.target_id = @id)",
                GraphRows.ReadEdge, ct, ("id", id));
            foreach (var edge in attached)
            {
                await MarkEdgeDeletedAsync(c, t, edge, reason, actor.Name, seq, ct);
            }
            var now = clock.GetUtcNow();
            var gone = current with { Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor.Name } };
            await MarkNodeDeletedAsync(c, t, gone, seq, ct);
            await RecordNodeVersionAsync(c, t, gone, ChangeKind.Deleted, current, reason, ct);
            return gone;
        }, ct);
        return deleted;
    }

    public async Task<Edge> UpdateEdgeAsync(Patch patch, Viewer actor, CancellationToken ct)
    {
        RequireReason(patch.Reason);
        var updated = await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadEdgeAsync(c, t, patch.Id, actor, ct);
            CheckVersion("edge", current.Id, current.Stamp, patch.ExpectedVersion);
            var properties = patch.Properties is { } p ? MergePatch(current.Properties, p) : current.Properties;
            var validFrom = patch.ValidFrom.Or(current.ValidFrom);
            var validTo = patch.ValidTo.Or(current.ValidTo);
            var source = await LoadNodeAsync(c, t, current.SourceId, actor, ct);
            var target = await LoadNodeAsync(c, t, current.TargetId, actor, ct);
            validator.ValidateEdge(current.Kind, source.Kind, target.Kind, properties, validFrom, validTo);
            GraphInputValidator.CheckEnds(current.Kind, current.SourceId, current.TargetId, source.Kind, properties);
            var now = clock.GetUtcNow();
            var next = current with
            {
                Properties = properties,
                Share = GraphInputValidator.ShareOf(properties),
                ValidFrom = validFrom,
                ValidTo = validTo,
                Provenance = await ChangedProvenanceAsync(c, t, $"edge/{current.Id}", current.Provenance, patch, actor, now, ct),
                Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor.Name },
            };
            await WriteEdgeChangeAsync(c, t, next, GraphTables.AnalystChange, await GraphVersion.BumpAsync(c, t, ct), ct);
            await RecordEdgeVersionAsync(c, t, next, ChangeKind.Updated, current, patch.Reason, ct);
            return next;
        }, ct);
        return updated;
    }

    public async Task<Edge> DeleteEdgeAsync(string id, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RequireReason(reason);
        var deleted = await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadEdgeAsync(c, t, id, actor, ct);
            CheckVersion("edge", id, current.Stamp, expectedVersion);
            return await MarkEdgeDeletedAsync(c, t, current, reason, actor.Name, await GraphVersion.BumpAsync(c, t, ct), ct);
        }, ct);
        return deleted;
    }

    private async Task<Edge> MarkEdgeDeletedAsync(DbConnection c, DbTransaction t, Edge current, string reason, string actor, long seq, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var gone = current with { Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor } };
        await WriteEdgeChangeAsync(c, t, gone, ColumnGroup.Change, seq, ct, GraphTables.Deleted);
        await RecordEdgeVersionAsync(c, t, gone, ChangeKind.Deleted, current, reason, ct);
        return gone;
    }

    private static Provenance Complete(ProvenanceDraft draft, string actor, DateTimeOffset now, string? caseId) =>
        new(draft.Source, GraphInputValidator.SourceReference(draft.Reference), draft.ObtainedAt ?? now, actor, draft.Restriction, caseId);

    private static string NameOf(JsonElement properties) => properties.GetProperty("name").GetString()!.Trim();

    /// <summary>RFC 7396 merge patch of one level: keys in the patch replace, null removes.</summary>
    private static JsonElement MergePatch(JsonElement current, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new UserInputException("input.properties", "must be a JSON object of the properties to change (null removes one).");
        }
        var merged = JsonNode.Parse(current.GetRawText())!.AsObject();
        foreach (var property in patch.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                merged.Remove(property.Name);
            }
            else
            {
                merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }
        return JsonSerializer.SerializeToElement(merged);
    }

    private static void CheckVersion(string what, string id, Stamp stamp, int? expected)
    {
        if (expected is not null && expected != stamp.Version)
        {
            throw new ConflictException(
                $"The {what} '{id}' is at version {stamp.Version} (changed by {stamp.UpdatedBy} at {stamp.UpdatedAt:u}), not {expected}: reload it and apply your change again.");
        }
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("input.reason", "say why the change is made; it is kept with the earlier version.");
        }
        GraphInputValidator.CheckReason(reason);
    }

    private static string? CheckId(string? id)
    {
        if (id is null)
        {
            return null;
        }
        return IdPattern().IsMatch(id)
            ? id
            : throw new UserInputException("input.id", $"'{id}' is not a valid id: use 1–128 letters, digits and . _ : - only.");
    }

    private static string NewId() => Guid.CreateVersion7().ToString();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex IdPattern();
}
