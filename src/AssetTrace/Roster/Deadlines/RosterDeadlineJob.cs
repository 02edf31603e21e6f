using AssetTrace.Roster.Court;
using Quartz;

namespace AssetTrace.Roster.Deadlines;

/// <summary>
/// Fires before an entry's deadline (reminder) and after it (deadline). Both re-read the entry and
/// act only while its deadline runs, so a trigger that fires twice, or after the entry moved on, does nothing.
/// A run that fails (the store unreachable, the server stopping) leaves nothing written, and the job is
/// fired again later (<see cref="RosterClock.RetryAsync"/>) until a run succeeds (#16).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RosterDeadlineJob(RosterCourt court, RosterClock rosterClock, ILogger<RosterDeadlineJob> logger) : IJob
{
    public const string EntryIdKey = "entryId";
    public const string KindKey = "kind";
    public const string Reminder = "reminder";
    public const string Deadline = "deadline";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetString(EntryIdKey)!;
        var kind = context.MergedJobDataMap.GetString(KindKey) ?? Reminder;
        try
        {
            if (kind == Deadline)
            {
                await court.DeadlinePassedAsync(id, cancellationToken);
            }
            else
            {
                await court.RemindAsync(id, cancellationToken);
            }
        }
        catch (Exception e)
        {
            // Note: the retry is scheduled without the run's token, which is cancelled when the server stops.
            await rosterClock.RetryAsync(context.Scheduler, id, kind, CancellationToken.None);
            logger.LogWarning(e, "Roster entry {Id}: the {Kind} run failed and is tried again later", id, kind);
            throw new JobExecutionException(e);
        }
    }
}
