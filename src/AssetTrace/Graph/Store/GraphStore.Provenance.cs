using System.Data.Common;
using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Graph.Store;

/// <summary>
/// The rules on a fact's provenance (#11): which case it is restricted to, and who may relabel it.
/// Intelligence keeps its channel: changing the source or restriction of a fact received through
/// a network or with a restriction is a supervisor's decision, audited, and the original channel
/// stays on the fact, so court documents decide from it and the consent ledger, never from the label.
/// </summary>
public sealed partial class GraphStore
{
    /// <summary>The case a new fact is restricted to, checked: it exists, the actor works on it, and network answers have one.</summary>
    private static async Task<string?> CaseOfAsync(DbConnection c, DbTransaction t, ProvenanceDraft draft, string? current, Viewer actor, CancellationToken ct)
    {
        var caseId = draft.CaseId.HasValue ? draft.CaseId.Value : current;
        if (caseId is not null && caseId != current)
        {
            var exists = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM cases WHERE id = @id", ct, ("id", caseId)) > 0;
            if (!exists || !actor.Sees(caseId))
            {
                throw new UserInputException("input.provenance.caseId", $"no case '{caseId}' that you work on exists: a fact can be restricted only to a case whose team you are on.");
            }
        }
        if (caseId is null && draft.Source == SourceKind.NetworkAnswer)
        {
            throw new UserInputException("input.provenance.caseId",
                "a fact received through a network (CARIN, ARIN-AP, Egmont, an FIU…) is restricted to its case: give the case's id.");
        }
        return caseId;
    }

    /// <summary>The provenance after a change, when the patch gives one; the actor must be allowed to make it.</summary>
    private async Task<Provenance> ChangedProvenanceAsync(DbConnection c, DbTransaction t, string entity, Provenance current, Patch patch, Viewer actor,
        DateTimeOffset now, CancellationToken ct)
    {
        if (patch.Provenance is not { } draft)
        {
            return current;
        }
        var relabelled = draft.Source != current.Source || draft.Restriction != current.Restriction;
        if (relabelled && current.Received.IsIntelligence && !actor.Has(Role.Supervisor))
        {
            throw new ForbiddenException(
                $"{entity} was received as {Codes.Of(current.Received.Source)} ({Codes.Of(current.Received.Restriction)}): changing its source or restriction "
                + "is a supervisor's decision, with a reason. Ask a supervisor of the case.");
        }
        var caseId = await CaseOfAsync(c, t, draft, current.CaseId, actor, ct);
        if (current.CaseId is not null && caseId != current.CaseId && !actor.Has(Role.Supervisor))
        {
            throw new ForbiddenException($"{entity} is restricted to case '{current.CaseId}': lifting or moving the restriction is a supervisor's decision, with a reason.");
        }
        var next = Complete(draft, actor.Name, now, caseId) with { Original = current.Original ?? (relabelled ? current.Received : null) };
        if (relabelled || caseId != current.CaseId)
        {
            // Besides the version's before and after, its own entry: a supervisor reviewing the log
            // finds every relabelling and every lifted restriction by this action.
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "provenance.changed", entity,
                JsonSerializer.Serialize(current), JsonSerializer.Serialize(next), patch.Reason), ct);
        }
        return next;
    }
}
