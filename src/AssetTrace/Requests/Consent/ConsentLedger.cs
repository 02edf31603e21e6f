using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests.Consent;

/// <summary>
/// Information received informally (networks) or from an FIU (Egmont) is intelligence: it may
/// not be placed into an MLA draft or an export marked for court until the provider's consent is
/// recorded here. The server enforces it wherever such documents are produced.
/// </summary>
public sealed class ConsentLedger(Database database, AuditLog audit, TimeProvider clock)
{
    public async Task<Consent> RecordAsync(string requestId, string provider, string scope, string reference, DateOnly grantedOn, Viewer viewer, CancellationToken ct)
    {
        var actor = viewer.Name;
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(provider))
        {
            errors.Add(new FieldError("input.provider", "name the authority that consented."));
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add(new FieldError("input.reference", "give the reference of the letter or message that carries the consent."));
        }
        TextHygiene.Check("input.provider", provider, TextKind.Line, TextLimits.ContactName, errors);
        TextHygiene.Check("input.scope", scope, TextKind.FreeText, TextLimits.Note, errors);
        TextHygiene.Check("input.reference", reference, TextKind.Line, TextLimits.SourceReference, errors);
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        return await database.WriteAsync(async (c, t) =>
        {
            var request = await RequestStore.LoadAsync(c, t, requestId, ct);
            if (!viewer.Sees(request.Route.CaseId))
            {
                throw new NotFoundException("request", requestId);
            }
            var consent = new Consent(Guid.CreateVersion7().ToString(), request.Id, provider.Trim(), string.IsNullOrWhiteSpace(scope) ? "use as evidence" : scope.Trim(),
                reference.Trim(), grantedOn, clock.GetUtcNow(), actor);
            await c.ExecuteAsync(t, """
                INSERT INTO consents (id, request_id, provider, scope, reference, granted_on, recorded_at, recorded_by)
                VALUES (@id, @request, @provider, @scope, @reference, @granted, @at, @by)
                """, ct, ("id", consent.Id), ("request", consent.RequestId), ("provider", consent.Provider), ("scope", consent.Scope),
                ("reference", consent.Reference), ("granted", consent.GrantedOn), ("at", consent.RecordedAt), ("by", actor));
            await audit.AppendAsync(c, t, new AuditRecord(actor, "consent.recorded", $"request/{request.Id}", null, JsonSerializer.Serialize(consent), null), ct);
            return consent;
        }, ct);
    }

    public Task<List<Consent>> ForRequestAsync(string requestId, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, "SELECT id, request_id, provider, scope, reference, granted_on, recorded_at, recorded_by FROM consents WHERE request_id = @r ORDER BY recorded_at",
            r => new Consent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5), r.Instant(6), r.GetString(7)),
            ct, ("r", requestId)), ct);

    /// <summary>
    /// Which of these facts may not go to court: those received through a network or an FIU whose
    /// request has no consent on file, and restricted facts that no request on file accounts for.
    /// Decided from the channel each fact was received through, never from its current label: a
    /// fact relabelled EVIDENCE after it came in as intelligence is still withheld (#11).
    /// </summary>
    public async Task<List<WithheldFact>> WithheldAsync(IEnumerable<Node> nodes, IEnumerable<Edge> edges, CancellationToken ct)
    {
        var facts = nodes.Select(n => (Entity: "node", n.Id, n.Provenance.Received))
            .Concat(edges.Select(e => (Entity: "edge", e.Id, e.Provenance.Received)))
            .Where(f => f.Received.IsIntelligence)
            .Select(f => (f.Entity, f.Id, f.Received.Restriction))
            .ToList();
        if (facts.Count == 0)
        {
            return [];
        }
        var withheld = new List<WithheldFact>();
        await using var c = await database.OpenAsync(ct);
        foreach (var fact in facts)
        {
            var requests = await c.QueryAsync(null, """
                SELECT f.request_id, r.number, (SELECT COUNT(*) FROM consents k WHERE k.request_id = f.request_id)
                FROM request_facts f JOIN requests r ON r.id = f.request_id WHERE f.entity = @e AND f.entity_id = @id
                """, r => (Id: r.GetString(0), Number: r.GetString(1), Consents: r.GetInt64(2)), ct, ("e", fact.Entity), ("id", fact.Id));
            if (requests.Count == 0)
            {
                withheld.Add(new WithheldFact(fact.Entity, fact.Id, null,
                    $"marked {Codes.Of(fact.Restriction)} and no request on file accounts for it: obtain it again by MLA, or record it as the answer to a request and get the provider's consent."));
            }
            else if (requests.All(r => r.Consents == 0))
            {
                withheld.Add(new WithheldFact(fact.Entity, fact.Id, requests[0].Id,
                    $"received in answer to {requests[0].Number} and the provider's consent is not recorded."));
            }
        }
        return withheld;
    }
}
