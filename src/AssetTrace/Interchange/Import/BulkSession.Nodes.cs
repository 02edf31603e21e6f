using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

internal sealed partial class BulkSession
{
    private async Task WriteNodeAsync(NodeRecord record, CancellationToken ct)
    {
        var key = Key(record.RecordId);
        var properties = ToElement(record.Properties);
        validator.ValidateNode(record.Kind, properties, record.ValidFrom, record.ValidTo);

        var mapped = await FindRecordAsync(key, NodeType, ct);
        if (Outdated(record, mapped))
        {
            if (await ResolveAsync(record.RecordId, ct) is null)
            {
                Problem(record.Location, $"node '{mapped!.Value.Id}' made from this record no longer exists.");
            }
            return;
        }
        var owns = mapped?.Owns ?? false;
        var existingId = mapped?.Id;
        if (existingId is null)
        {
            existingId = await MatchByIdentifierAsync(record.Kind, properties, ct);
            if (existingId is not null)
            {
                report.NodesMatched++;
            }
        }
        var existing = existingId is null ? null : await LoadNodeAsync(existingId, ct);
        if (existing is { Deleted: true })
        {
            // An analyst deleted what this record became; re-importing must not bring it back silently.
            Problem(record.Location, $"node '{existingId}' made from this record was deleted in AssetTrace; it is not re-created.");
            return;
        }
        if (existing is { } found && found.Node.Kind != record.Kind)
        {
            Problem(record.Location, $"the record is a {record.Kind} but it maps to node '{found.Node.Id}' of kind {found.Node.Kind}.");
            return;
        }

        if (existing is null)
        {
            await CreateNodeAsync(record, key, properties, ct);
            return;
        }

        var current = existing.Value.Node;
        var merged = owns ? Overlay(current.Properties, record.Properties) : FillMissing(current.Properties, record.Properties, current.Kind);
        var validFrom = owns ? record.ValidFrom ?? current.ValidFrom : current.ValidFrom ?? record.ValidFrom;
        var validTo = owns ? record.ValidTo ?? current.ValidTo : current.ValidTo ?? record.ValidTo;
        await RememberRecordAsync(key, NodeType, current.Id, owns, record.AsOf ?? mapped?.AsOf, ct);
        Remember(key, current.Id, current.Kind);
        if (SameJson(merged, current.Properties) && validFrom == current.ValidFrom && validTo == current.ValidTo)
        {
            report.NodesUnchanged++;
            return;
        }
        validator.ValidateNode(current.Kind, merged, validFrom, validTo);
        var next = current with
        {
            Name = NameOf(merged),
            Properties = merged,
            ValidFrom = validFrom,
            ValidTo = validTo,
            Provenance = owns ? NewProvenance(record.RecordId) : current.Provenance,
            Stamp = Bumped(current.Stamp),
        };
        var identifiers = NodeIdentifiers.Of(next.Kind, next.Properties);
        await rows.ChangeNodeAsync(next, identifiers, VersionReason, ct);
        _lookups.SetNode(next);
        _lookups.RemoveIdentifiers(next.Id);
        LearnIdentifiers(next.Id, identifiers);
        report.NodesUpdated++;
    }

    private async Task CreateNodeAsync(NodeRecord record, string key, JsonElement properties, CancellationToken ct)
    {
        var id = InterchangeIds.For(run.Format, record.RecordId);
        if (await LoadNodeAsync(id, ct) is not null)
        {
            // The deterministic id is taken by a node this record does not map to (typed in with that id, or merged away).
            id = InterchangeIds.For(run.Format, $"{record.RecordId}@{run.RunId}");
        }
        var node = new Node(id, record.Kind, NameOf(properties), properties, record.ValidFrom, record.ValidTo,
            NewProvenance(record.RecordId), new Stamp(1, run.Now, run.Options.Actor, run.Now, run.Options.Actor));
        var identifiers = NodeIdentifiers.Of(node.Kind, node.Properties);
        await rows.CreateNodeAsync(node, identifiers, VersionReason, ct);
        _lookups.SetNode(node);
        LearnIdentifiers(id, identifiers);
        await RememberRecordAsync(key, NodeType, id, owns: true, record.AsOf, ct);
        Remember(key, id, node.Kind);
        report.NodesCreated++;
        SuggestMerges(node);
    }

    /// <summary>A node now carries these identifiers: later records of the chunk are matched by them.</summary>
    private void LearnIdentifiers(string nodeId, IReadOnlyList<string> identifiers)
    {
        foreach (var identifier in identifiers)
        {
            _lookups.AddIdentifier(identifier, nodeId);
        }
    }

    private async Task<string?> MatchByIdentifierAsync(NodeKind kind, JsonElement properties, CancellationToken ct)
    {
        foreach (var identifier in NodeIdentifiers.Of(kind, properties))
        {
            if (!_lookups.TryIdentifier(identifier, out var ids))
            {
                ids = await rows.NodesWithIdentifierAsync(identifier, ct);
            }
            foreach (var id in ids!.ToList())
            {
                if (await LoadNodeAsync(id, ct) is { Deleted: false } node && node.Node.Kind == kind)
                {
                    return id;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// A person created by this import whose name and birth date the name matcher finds in another person's is a
    /// probable duplicate: an analyst decides (see MergeSuggestions); nothing is merged here. The
    /// check runs at the end of the run (see SuggestMergesAsync).
    /// </summary>
    private void SuggestMerges(Node node)
    {
        if (node.Kind == NodeKind.Person && node.Properties.TryGetProperty("birthDate", out var b) && b.ValueKind == JsonValueKind.String)
        {
            _mergeChecks.Add(node.Id);
        }
    }

    private async Task SuggestSameAsync(SameAsRecord same, CancellationToken ct)
    {
        var a = await ResolveAsync(same.RecordId, ct);
        var b = await ResolveAsync(same.OtherRecordId, ct);
        if (a is null || b is null)
        {
            Problem(same.Location, $"refers to record '{(a is null ? same.RecordId : same.OtherRecordId)}', which was not imported (dangling reference).");
            return;
        }
        if (a.Value.Id == b.Value.Id)
        {
            report.NodesUnchanged++;
            return;
        }
        await rows.FlushAsync(ct);
        await sql.InsertSuggestion.Set("id", $"{a.Value.Id}~{b.Value.Id}").Set("nodeId", a.Value.Id).Set("candidateId", b.Value.Id)
            .Set("reason", same.Reason).Set("score", null).Set("explanation", null).Set("run", run.RunId).Set("now", run.Now).ExecuteAsync(ct);
        report.MergesSuggested++;
    }

    private static string NameOf(JsonElement properties) => properties.GetProperty("name").GetString()!.Trim();

    /// <summary>The record's values replace the node's; keys the record lacks stay; alternate names are joined.</summary>
    private static JsonElement Overlay(JsonElement current, JsonObject record)
    {
        var merged = JsonNode.Parse(current.GetRawText())!.AsObject();
        var alternates = AlternateNames(merged);
        foreach (var (name, value) in record)
        {
            merged[name] = value?.DeepClone();
        }
        JoinAlternates(merged, alternates);
        return JsonSerializer.SerializeToElement(merged);
    }

    /// <summary>A record matched onto someone else's node only adds what is missing, and its name as an alternate.</summary>
    private static JsonElement FillMissing(JsonElement current, JsonObject record, NodeKind kind)
    {
        var merged = JsonNode.Parse(current.GetRawText())!.AsObject();
        var alternates = AlternateNames(merged);
        foreach (var (name, value) in record)
        {
            if (!merged.ContainsKey(name))
            {
                merged[name] = value?.DeepClone();
            }
        }
        if (kind is not (NodeKind.Person or NodeKind.Company))
        {
            return JsonSerializer.SerializeToElement(merged);
        }
        if (record["name"]?.GetValue<string>() is { } recordName)
        {
            alternates.Add(recordName);
        }
        if (record["alternateNames"] is JsonArray more)
        {
            alternates.AddRange(more.Select(a => a?.GetValue<string>()).OfType<string>());
        }
        JoinAlternates(merged, alternates);
        return JsonSerializer.SerializeToElement(merged);
    }

    private static List<string> AlternateNames(JsonObject properties) =>
        properties["alternateNames"] is JsonArray array ? [.. array.Select(a => a?.GetValue<string>()).OfType<string>()] : [];

    private static void JoinAlternates(JsonObject merged, List<string> earlier)
    {
        if (!merged.ContainsKey("alternateNames") && earlier.Count == 0)
        {
            return;
        }
        var name = merged["name"]?.GetValue<string>();
        var all = earlier.Concat(AlternateNames(merged)).Where(a => a != name).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            merged.Remove("alternateNames");
            return;
        }
        merged["alternateNames"] = new JsonArray([.. all.Select(a => (JsonNode)a)]);
    }
}
