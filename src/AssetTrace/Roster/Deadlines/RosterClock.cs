using AssetTrace.Roster.Entries;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetTrace.Roster.Deadlines;

/// <summary>
/// An entry's reminder and deadline as Quartz triggers in the persistent store (clustered on
/// PostgreSQL, Hosting/SchedulerServices): they survive restarts, fire once across servers, and a
/// trigger whose time passed while no server ran fires at the next start.
/// </summary>
public sealed class RosterClock(ISchedulerFactory schedulers, IOptions<RosterOptions> options, TimeProvider clock)
{
    public const string Group = "roster-deadlines";

    public async Task ScheduleAsync(RosterEntry entry, CancellationToken ct)
    {
        if (entry.DeadlineOn is not { } deadline)
        {
            return;
        }
        var end = LegalCalendar.EndOf(deadline);
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<RosterDeadlineJob>()
            .WithIdentity(entry.Id, Group)
            .UsingJobData(RosterDeadlineJob.EntryIdKey, entry.Id)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var triggers = new List<ITrigger>
        {
            TriggerBuilder.Create()
                .WithIdentity($"{entry.Id}:deadline", Group)
                .ForJob(job)
                .UsingJobData(RosterDeadlineJob.KindKey, RosterDeadlineJob.Deadline)
                .StartAt(end)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build(),
        };
        var remindAt = end.AddDays(-options.Value.ReminderDays);
        if (remindAt > clock.GetUtcNow())
        {
            triggers.Add(TriggerBuilder.Create()
                .WithIdentity($"{entry.Id}:reminder", Group)
                .ForJob(job)
                .UsingJobData(RosterDeadlineJob.KindKey, RosterDeadlineJob.Reminder)
                .StartAt(remindAt)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build());
        }
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>
    /// Fires the entry's job once more, <see cref="RosterOptions.RetrySeconds"/> from now, after a run of
    /// <paramref name="kind"/> failed: a trigger fires once, so without this the act would never happen.
    /// </summary>
    public async Task RetryAsync(IScheduler scheduler, string entryId, string kind, CancellationToken ct)
    {
        var at = clock.GetUtcNow().AddSeconds(options.Value.RetrySeconds);
        await scheduler.ScheduleJob(TriggerBuilder.Create()
            .WithIdentity($"{entryId}:{kind}:retry:{Guid.NewGuid():N}", Group)
            .ForJob(new JobKey(entryId, Group))
            .UsingJobData(RosterDeadlineJob.KindKey, kind)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build(), cancellationToken: ct);
    }

    public async Task CancelAsync(string entryId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.DeleteJob(new JobKey(entryId, Group), ct);
    }
}
