using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Recovery.Steps;

/// <summary>
/// The assets of a case on their road through the steps of recovery (#17). Every move is checked
/// against <see cref="StepTransitions"/> and the confiscation rule, written with its audit entry in
/// one transaction, and never changed afterwards: a mistake is reversed by a recorded correction.
/// An asset's version makes a move made on a stale page a conflict. A case's assets exist only for
/// those who see the case (<see cref="Viewer.Sees"/>): to anyone else the case does not exist.
/// </summary>
public sealed class RecoveryLedger(Database database, CaseStore cases, GraphQueries graph, RequestStore requests, AuditLog audit, TimeProvider clock)
{
    public async Task<AssetRecovery> RecordAsync(MoveInput input, Viewer actor, CancellationToken ct)
    {
        MoveChecks.Check(input, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await RequireCaseAsync(actor, input.CaseId, ct);
        // An asset the case may name: open, or restricted to this very case (never another case's).
        var node = (await graph.GetNodesAsync(Viewer.ForCase(input.CaseId), [input.NodeId], ct)).GetValueOrDefault(input.NodeId)
            ?? throw new UserInputException("input.nodeId", $"no node with id '{input.NodeId}' exists.");
        if (!MoveChecks.AssetKinds.Contains(node.Kind))
        {
            throw new UserInputException("input.nodeId", $"'{node.Name}' is a {node.Kind}, not an asset; only {string.Join(", ", MoveChecks.AssetKinds)} move through the steps.");
        }
        await CheckRequestsAsync(input, actor, ct);
        return await database.WriteAsync(async (c, t) =>
        {
            var current = (await AssetRows.LoadAsync(c, t, actor, [input.CaseId], input.NodeId, ct)).SingleOrDefault()
                ?? new AssetRecovery(input.CaseId, input.NodeId, node.Name, null, CountryOf(node), input.Channel ?? DiscoveryChannel.Registry, 0, []);
            CheckVersion(current, input.ExpectedVersion);
            if (!StepTransitions.IsAllowed(current.Step, input.Step))
            {
                var next = StepTransitions.Next(current.Step);
                throw new UserInputException("input.step", $"'{node.Name}' is {Describe(current.Step)}: it may move to {(next.Count == 0 ? "no other step" : string.Join(", ", next.Select(s => Codes.Of(s))))}, not {Codes.Of(input.Step)}.");
            }
            MoveChecks.CheckConfiscation(current, input);
            var now = clock.GetUtcNow();
            var move = new AssetMove(Guid.CreateVersion7().ToString(), current.Moves.Count + 1, input.Step, input.OnDate, input.Value, input.Currency,
                input.Justifications, input.UnrestrainedReason?.Trim(), null, input.Note?.Trim(), now, actor.Name);
            var channel = current.Version == 0 ? input.Channel!.Value : current.Channel;
            var next2 = current with { Step = input.Step, Channel = channel, Version = current.Version + 1, Moves = [.. current.Moves, move] };
            await SaveAsync(c, t, next2, move, actor, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "recovery.moved", $"case/{input.CaseId}", current.Version == 0 ? null : Summary(current),
                JsonSerializer.Serialize(new { nodeId = input.NodeId, move }, AssetRows.Json), input.Note), ct);
            return next2;
        }, ct);
    }

    /// <summary>
    /// Reverses the latest standing move of an asset: a correction naming it is recorded and the asset
    /// stands where it stood before. Earlier moves are corrected one by one, latest first.
    /// </summary>
    public async Task<AssetRecovery> CorrectAsync(string caseId, string nodeId, string moveId, string reason, int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("reason", "say why the move was a mistake.");
        }
        TextHygiene.Require("reason", reason, TextKind.FreeText, TextLimits.Reason);
        await RequireCaseAsync(actor, caseId, ct);
        return await database.WriteAsync(async (c, t) =>
        {
            var current = (await AssetRows.LoadAsync(c, t, actor, [caseId], nodeId, ct)).SingleOrDefault() ?? throw new NotFoundException("asset of the case", nodeId);
            CheckVersion(current, expectedVersion);
            var standing = current.Effective.ToList();
            if (standing.Count == 0 || standing[^1].Id != moveId)
            {
                throw new UserInputException("moveId", standing.Any(m => m.Id == moveId)
                    ? $"only the latest standing move of '{current.Name}' can be corrected ({standing[^1].Id}); correct the later ones first."
                    : $"'{moveId}' is not a standing move of '{current.Name}'.");
            }
            var now = clock.GetUtcNow();
            var correction = new AssetMove(Guid.CreateVersion7().ToString(), current.Moves.Count + 1, null, DateOnly.FromDateTime(now.UtcDateTime), null, null, [],
                null, moveId, reason.Trim(), now, actor.Name);
            var next = current with { Step = standing.Count > 1 ? standing[^2].Step : null, Version = current.Version + 1, Moves = [.. current.Moves, correction] };
            await SaveAsync(c, t, next, correction, actor, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "recovery.corrected", $"case/{caseId}", Summary(current),
                JsonSerializer.Serialize(new { nodeId, correction }, AssetRows.Json), reason), ct);
            return next;
        }, ct);
    }

    /// <summary>The assets of a case the viewer sees, with their moves; not found for anyone else, as for no such case.</summary>
    public async Task<List<AssetRecovery>> ForCaseAsync(Viewer viewer, string caseId, CancellationToken ct)
    {
        await RequireCaseAsync(viewer, caseId, ct);
        return await database.ReadAsync(c => AssetRows.LoadAsync(c, null, viewer, [caseId], null, ct), ct);
    }

    public async Task<AssetRecovery?> ForAssetAsync(Viewer viewer, string caseId, string nodeId, CancellationToken ct)
    {
        await RequireCaseAsync(viewer, caseId, ct);
        return (await database.ReadAsync(c => AssetRows.LoadAsync(c, null, viewer, [caseId], nodeId, ct), ct)).SingleOrDefault();
    }

    /// <summary>
    /// The requests of the case that name the asset among their subjects (an asset abroad: each
    /// country's answer), for those who may read the request desk.
    /// </summary>
    public async Task<List<NetworkRequest>> RequestsAboutAsync(Viewer viewer, string caseId, string nodeId, CancellationToken ct)
    {
        await RequireCaseAsync(viewer, caseId, ct);
        return [.. (await requests.ListAsync(viewer, caseId, null, ct)).Where(r => r.Body.SubjectIds.Contains(nodeId, StringComparer.Ordinal))
            .OrderBy(r => r.Route.Jurisdiction, StringComparer.Ordinal).ThenBy(r => r.Number, StringComparer.Ordinal)];
    }

    private async Task RequireCaseAsync(Viewer viewer, string caseId, CancellationToken ct)
    {
        if (await cases.GetAsync(viewer, caseId, ct) is null)
        {
            throw new NotFoundException("case", caseId);
        }
    }

    /// <summary>A request cited as a justification must be one of the case's own.</summary>
    private async Task CheckRequestsAsync(MoveInput input, Viewer actor, CancellationToken ct)
    {
        for (var i = 0; i < input.Justifications.Count; i++)
        {
            if (input.Justifications[i].Kind != JustificationKind.Request)
            {
                continue;
            }
            var reference = input.Justifications[i].Reference.Trim();
            var request = await requests.GetAsync(actor, reference, ct);
            if (request is null || request.Route.CaseId != input.CaseId)
            {
                throw new UserInputException($"input.justifications[{i}].reference", $"no request with id '{reference}' exists in this case.");
            }
        }
    }

    private static async Task SaveAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, AssetRecovery asset, AssetMove move, Viewer actor, CancellationToken ct)
    {
        var now = move.RecordedAt;
        var step = asset.Step is { } s ? Codes.Of(s) : null;
        if (asset.Version == 1)
        {
            await c.ExecuteAsync(t, """
                INSERT INTO recovery_assets (case_id, node_id, step, country, channel, version, updated_at, updated_by)
                VALUES (@c, @n, @step, @country, @channel, 1, @now, @actor)
                """, ct, ("c", asset.CaseId), ("n", asset.NodeId), ("step", step), ("country", asset.Country), ("channel", Codes.Of(asset.Channel)),
                ("now", now), ("actor", actor.Name));
        }
        else
        {
            await c.ExecuteAsync(t, "UPDATE recovery_assets SET step = @step, version = @v, updated_at = @now, updated_by = @actor WHERE case_id = @c AND node_id = @n", ct,
                ("c", asset.CaseId), ("n", asset.NodeId), ("step", step), ("v", asset.Version), ("now", now), ("actor", actor.Name));
        }
        await c.ExecuteAsync(t, $"""
            INSERT INTO recovery_moves ({AssetRows.MoveColumns})
            VALUES (@id, @seq, @step, @on, @value, @currency, @justifications, @unrestrained, @corrects, @note, @at, @by, @c, @n)
            """, ct, ("id", move.Id), ("seq", move.Seq), ("step", move.Step is { } ms ? Codes.Of(ms) : null), ("on", move.OnDate), ("value", move.Value),
            ("currency", move.Currency), ("justifications", JsonSerializer.Serialize(move.Justifications, AssetRows.Json)), ("unrestrained", move.UnrestrainedReason),
            ("corrects", move.Corrects), ("note", move.Note), ("at", now), ("by", actor.Name), ("c", asset.CaseId), ("n", asset.NodeId));
    }

    private static void CheckVersion(AssetRecovery current, int? expected)
    {
        if (expected is { } version && version != current.Version)
        {
            throw new ConflictException($"'{current.Name}' is at version {current.Version} of its steps, not {version}: someone recorded a move meanwhile; reload and decide again.");
        }
    }

    /// <summary>Where an asset lies: its country, or a company's jurisdiction, or a vessel's or aircraft's flag.</summary>
    internal static string? CountryOf(Node node)
    {
        foreach (var name in new[] { "country", "jurisdiction", "flag" })
        {
            if (node.Properties.ValueKind == JsonValueKind.Object && node.Properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }
        return null;
    }

    private static string Describe(RecoveryStep? step) => step is { } s ? Codes.Of(s) : "not on the case's road (or every move was corrected)";

    private static string Summary(AssetRecovery asset) =>
        JsonSerializer.Serialize(new { asset.NodeId, step = asset.Step, asset.Version }, AssetRows.Json);
}
