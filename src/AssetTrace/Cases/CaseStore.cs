using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Cases;

/// <summary>
/// Opens, changes and lists cases and their subjects; every change goes to the audit log. A case
/// exists only for those who work on it (team, named supervisors) and admins: who works on it is
/// kept in case_access in the same transaction, and that is what a <see cref="Viewer"/> is made of.
/// </summary>
public sealed class CaseStore(Database database, GraphSchema schema, AuditLog audit, TimeProvider clock)
{
    public async Task<Case> CreateAsync(CaseDraft draft, Viewer actor, CancellationToken ct)
    {
        var (team, supervisors) = CaseInput.Check(draft, schema);
        // Whoever opens a case works on it, unless they see every case anyway: otherwise the case
        // would vanish for them the moment it is created.
        if (!actor.SeesEverything && !team.Contains(actor.Name) && !supervisors.Contains(actor.Name))
        {
            team = [.. team, actor.Name];
        }
        var now = clock.GetUtcNow();
        var created = new Case(draft.Id ?? Guid.CreateVersion7().ToString(), draft.Number.Trim(), draft.Title.Trim(), draft.CrimeType, CaseStatus.Open,
            team, draft.OpenedOn ?? DateOnly.FromDateTime(now.UtcDateTime), [], new Stamp(1, now, actor.Name, now, actor.Name), supervisors);
        return await database.WriteAsync(async (c, t) =>
        {
            if (await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM cases WHERE number = @n OR id = @id", ct, ("n", created.Number), ("id", created.Id)) > 0)
            {
                throw new UserInputException("input.number", $"a case numbered '{created.Number}' already exists.");
            }
            await c.ExecuteAsync(t, """
                INSERT INTO cases (id, number, title, crime_type, status, team, supervisors, opened_on, version, created_at, created_by, updated_at, updated_by)
                VALUES (@id, @number, @title, @crime, @status, @team, @supervisors, @opened, 1, @now, @actor, @now, @actor)
                """, ct, ("id", created.Id), ("number", created.Number), ("title", created.Title), ("crime", created.CrimeType),
                ("status", Codes.Of(created.Status)), ("team", JsonSerializer.Serialize(created.Team)), ("supervisors", JsonSerializer.Serialize(created.Supervisors)),
                ("opened", created.OpenedOn), ("now", now), ("actor", actor.Name));
            await WriteAccessAsync(c, t, created, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "case.created", $"case/{created.Id}", null, JsonSerializer.Serialize(created), null), ct);
            return created;
        }, ct);
    }

    public async Task<Case> UpdateAsync(CasePatch patch, Viewer actor, CancellationToken ct)
    {
        var (team, supervisors) = CaseInput.Check(patch, schema);
        return await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadVisibleAsync(c, t, patch.Id, actor, ct);
            if (patch.ExpectedVersion is { } expected && expected != current.Stamp.Version)
            {
                throw new ConflictException($"The case '{current.Number}' is at version {current.Stamp.Version} (changed by {current.Stamp.UpdatedBy}), not {expected}: reload it and apply your change again.");
            }
            var now = clock.GetUtcNow();
            var next = current with
            {
                Title = patch.Title?.Trim() ?? current.Title,
                CrimeType = patch.CrimeType ?? current.CrimeType,
                Status = patch.Status ?? current.Status,
                Team = team ?? current.Team,
                Supervisors = supervisors ?? current.Supervisors,
                Stamp = current.Stamp with { Version = current.Stamp.Version + 1, UpdatedAt = now, UpdatedBy = actor.Name },
            };
            if (!actor.SeesEverything && !next.Members.Contains(actor.Name))
            {
                throw new UserInputException("input.team", $"you would no longer work on case '{current.Number}': keep yourself in its team or supervisors, or ask an admin.");
            }
            await c.ExecuteAsync(t, """
                UPDATE cases SET title = @title, crime_type = @crime, status = @status, team = @team, supervisors = @supervisors,
                    version = version + 1, updated_at = @now, updated_by = @actor
                WHERE id = @id
                """, ct, ("id", next.Id), ("title", next.Title), ("crime", next.CrimeType), ("status", Codes.Of(next.Status)),
                ("team", JsonSerializer.Serialize(next.Team)), ("supervisors", JsonSerializer.Serialize(next.Supervisors)), ("now", now), ("actor", actor.Name));
            await WriteAccessAsync(c, t, next, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "case.updated", $"case/{next.Id}", JsonSerializer.Serialize(current), JsonSerializer.Serialize(next), patch.Reason), ct);
            return next;
        }, ct);
    }

    /// <summary>Adds a node to the case's subjects, or changes its role when it is there already.</summary>
    public async Task<Case> AddSubjectAsync(string caseId, string nodeId, string role, Viewer actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            throw new UserInputException("role", "say what the subject is to the case (suspect, relative, nominee, asset, …).");
        }
        CaseInput.CheckSubject(role, null);
        return await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadVisibleAsync(c, t, caseId, actor, ct);
            var parameters = new List<(string, object?)> { ("id", nodeId) };
            var visible = VisibilitySql.Visible("n", actor, parameters);
            if (await c.ScalarAsync<long>(t, $"SELECT COUNT(*) FROM nodes n WHERE n.id = @id AND NOT n.deleted AND {visible}", ct, [.. parameters]) == 0)
            {
                throw new UserInputException("nodeId", $"no node with id '{nodeId}' exists.");
            }
            var now = clock.GetUtcNow();
            await c.ExecuteAsync(t, "DELETE FROM case_subjects WHERE case_id = @c AND node_id = @n", ct, ("c", caseId), ("n", nodeId));
            await c.ExecuteAsync(t, "INSERT INTO case_subjects (case_id, node_id, role, added_at, added_by) VALUES (@c, @n, @role, @now, @actor)", ct,
                ("c", caseId), ("n", nodeId), ("role", role.Trim()), ("now", now), ("actor", actor.Name));
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "case.subject_added", $"case/{caseId}", null,
                JsonSerializer.Serialize(new { nodeId, role }), null), ct);
            return (await LoadAsync(c, t, caseId, ct))!;
        }, ct);
    }

    public async Task<Case> RemoveSubjectAsync(string caseId, string nodeId, string reason, Viewer actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UserInputException("reason", "say why the subject is removed from the case.");
        }
        CaseInput.CheckSubject("subject", reason);
        return await database.WriteAsync(async (c, t) =>
        {
            var current = await LoadVisibleAsync(c, t, caseId, actor, ct);
            var subject = current.Subjects.FirstOrDefault(s => s.NodeId == nodeId)
                ?? throw new UserInputException("nodeId", $"node '{nodeId}' is not a subject of case '{current.Number}'.");
            await c.ExecuteAsync(t, "DELETE FROM case_subjects WHERE case_id = @c AND node_id = @n", ct, ("c", caseId), ("n", nodeId));
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "case.subject_removed", $"case/{caseId}",
                JsonSerializer.Serialize(subject), null, reason), ct);
            return (await LoadAsync(c, t, caseId, ct))!;
        }, ct);
    }

    /// <summary>A case the viewer works on (or any, for an admin); null otherwise, as for a case that does not exist.</summary>
    public Task<Case?> GetAsync(Viewer viewer, string id, CancellationToken ct) =>
        viewer.Sees(id) ? database.ReadAsync(c => LoadAsync(c, null, id, ct), ct) : Task.FromResult<Case?>(null);

    public Task<List<Case>> ListAsync(Viewer viewer, CaseStatus? status, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var ids = await c.QueryAsync(null,
                $"SELECT id FROM cases {(status is null ? "" : "WHERE status = @status")} ORDER BY opened_on DESC, number",
                r => r.GetString(0), ct, ("status", status is null ? "" : Codes.Of(status.Value)));
            ids = [.. ids.Where(viewer.Sees)];
            var cases = new List<Case>();
            foreach (var id in ids)
            {
                cases.Add((await LoadAsync(c, null, id, ct))!);
            }
            return cases;
        }, ct);

    private static async Task<Case?> LoadAsync(DbConnection c, DbTransaction? t, string id, CancellationToken ct)
    {
        var subjects = await c.QueryAsync(t, "SELECT node_id, role, added_at, added_by FROM case_subjects WHERE case_id = @id ORDER BY added_at, node_id",
            r => new CaseSubject(r.GetString(0), r.GetString(1), r.Instant(2), r.GetString(3)), ct, ("id", id));
        var rows = await c.QueryAsync(t, """
            SELECT id, number, title, crime_type, status, team, opened_on, version, created_at, created_by, updated_at, updated_by, supervisors
            FROM cases WHERE id = @id
            """, r => new Case(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Codes.Parse<CaseStatus>(r.GetString(4)),
                JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.GetFieldValue<DateOnly>(6), subjects,
                new Stamp(r.GetInt32(7), r.Instant(8), r.GetString(9), r.Instant(10), r.GetString(11)),
                JsonSerializer.Deserialize<List<string>>(r.GetString(12)) ?? []), ct, ("id", id));
        return rows.SingleOrDefault();
    }

    private static async Task<Case> LoadVisibleAsync(DbConnection c, DbTransaction t, string id, Viewer actor, CancellationToken ct) =>
        (actor.Sees(id) ? await LoadAsync(c, t, id, ct) : null) ?? throw new NotFoundException("case", id);

    /// <summary>Rewrites who may see the case; the viewers of the next request see the change.</summary>
    private static async Task WriteAccessAsync(DbConnection c, DbTransaction t, Case @case, CancellationToken ct)
    {
        await c.ExecuteAsync(t, "DELETE FROM case_access WHERE case_id = @c", ct, ("c", @case.Id));
        foreach (var (names, access) in new[] { (@case.Team, "team"), (@case.Supervisors, "supervisor") })
        {
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                await c.ExecuteAsync(t, "INSERT INTO case_access (username, case_id, access) VALUES (@u, @c, @a)", ct, ("u", name), ("c", @case.Id), ("a", access));
            }
        }
    }
}
