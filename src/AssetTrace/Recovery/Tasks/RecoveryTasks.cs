using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Recovery.Tasks;

/// <summary>
/// The task list of a case (#17): a task is written when a recommendation that drafts no request is
/// accepted (<see cref="RecoveryAssistant.AcceptAsync"/>), and marked done once, with a note. Only those
/// who see the case see or touch its tasks: to anyone else they do not exist.
/// </summary>
public sealed class RecoveryTasks(Database database, CaseStore cases, AuditLog audit, TimeProvider clock)
{
    private const string Columns = "id, case_id, rec_key, title_en, title_ru, why_en, why_ru, created_at, created_by, done_at, done_by, done_note, version";

    /// <summary>The case's tasks, open ones first, oldest first within each.</summary>
    public async Task<List<RecoveryTask>> ForCaseAsync(Viewer viewer, string caseId, CancellationToken ct)
    {
        _ = await cases.GetAsync(viewer, caseId, ct) ?? throw new NotFoundException("case", caseId);
        var tasks = await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {Columns} FROM recovery_tasks WHERE case_id = @c ORDER BY created_at, id", Read, ct, ("c", caseId)), ct);
        return [.. tasks.OrderBy(t => t.Done)];
    }

    /// <summary>Marks the task done with a note of what was done; a done task, or one changed since <paramref name="expectedVersion"/>, is a conflict.</summary>
    public async Task<RecoveryTask> CompleteAsync(Viewer actor, string caseId, string id, string note, int? expectedVersion, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new UserInputException("note", "say what was done (e.g. 'analysis in report 12/2026').");
        }
        TextHygiene.Require("note", note, TextKind.FreeText, TextLimits.Reason);
        _ = await cases.GetAsync(actor, caseId, ct) ?? throw new NotFoundException("case", caseId);
        return await database.WriteAsync(async (c, t) =>
        {
            var task = (await c.QueryAsync(t, $"SELECT {Columns} FROM recovery_tasks WHERE id = @id AND case_id = @c", Read, ct, ("id", id), ("c", caseId))).SingleOrDefault()
                ?? throw new NotFoundException("task", id);
            if (task.Done)
            {
                throw new ConflictException($"The task '{task.Title.En}' was already done by {task.DoneBy}: reload the case.");
            }
            if (expectedVersion is { } expected && expected != task.Version)
            {
                throw new ConflictException($"The task '{task.Title.En}' changed since you read it (version {task.Version}, not {expected}): reload the case.");
            }
            var done = task with { DoneAt = clock.GetUtcNow(), DoneBy = actor.Name, DoneNote = note.Trim(), Version = task.Version + 1 };
            await c.ExecuteAsync(t, "UPDATE recovery_tasks SET done_at = @at, done_by = @by, done_note = @note, version = @v WHERE id = @id AND version = @old", ct,
                ("at", done.DoneAt), ("by", done.DoneBy), ("note", done.DoneNote), ("v", done.Version), ("id", id), ("old", task.Version));
            await audit.AppendAsync(c, t, new AuditRecord(actor.Name, "recovery.task_done", $"case/{caseId}", null,
                JsonSerializer.Serialize(new { task.Id, title = task.Title.En, done.DoneNote }), done.DoneNote), ct);
            return done;
        }, ct);
    }

    /// <summary>Writes the task an accepted recommendation makes, in the decision's transaction.</summary>
    internal static async Task<RecoveryTask> AddAsync(DbConnection c, DbTransaction t, string caseId, Recommendation accepted, Decision decision, CancellationToken ct)
    {
        var task = new RecoveryTask(Guid.CreateVersion7().ToString(), caseId, accepted.Key, accepted.Title, accepted.Why, decision.At, decision.By, null, null, null, 1);
        await c.ExecuteAsync(t, $"INSERT INTO recovery_tasks ({Columns}) VALUES (@id, @c, @k, @te, @tr, @we, @wr, @at, @by, NULL, NULL, NULL, 1)", ct,
            ("id", task.Id), ("c", caseId), ("k", accepted.Key), ("te", accepted.Title.En), ("tr", accepted.Title.Ru), ("we", accepted.Why.En), ("wr", accepted.Why.Ru),
            ("at", task.CreatedAt), ("by", task.CreatedBy));
        return task;
    }

    private static RecoveryTask Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), new LocalText(r.GetString(3), r.GetString(4)),
        new LocalText(r.GetString(5), r.GetString(6)), r.Instant(7), r.GetString(8), r.NullableInstant(9), r.NullableString(10), r.NullableString(11), r.GetInt32(12));
}
