using AssetTrace.Roster.Court;
using Quartz;

namespace AssetTrace.Roster.Deadlines;

/// <summary>
/// Fires before an entry's deadline (reminder) and after it (deadline). Both re-read the entry and
/// act only while its deadline runs, so a trigger that fires twice, or after the entry moved on, does nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RosterDeadlineJob(RosterCourt court) : IJob
{
    public const string EntryIdKey = "entryId";
    public const string KindKey = "kind";
    public const string Reminder = "reminder";
    public const string Deadline = "deadline";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetString(EntryIdKey)!;
        if (context.MergedJobDataMap.GetString(KindKey) == Deadline)
        {
            await court.DeadlinePassedAsync(id, cancellationToken);
        }
        else
        {
            await court.RemindAsync(id, cancellationToken);
        }
    }
}
