using AssetTrace.Requests.Lifecycle;
using Quartz;

namespace AssetTrace.Requests.Deadlines;

/// <summary>
/// Schedules a request's reminder and overdue check as Quartz triggers in the persistent store,
/// so they survive restarts; a trigger whose time passed while no server ran fires at start.
/// </summary>
public sealed class RequestDeadlines(ISchedulerFactory schedulers)
{
    /// <summary>How long before the due date the reminder goes: a quarter of the time given, at most a day.</summary>
    public static TimeSpan ReminderLead(TimeSpan window) => TimeSpan.FromTicks(Math.Min(window.Ticks / 4, TimeSpan.FromDays(1).Ticks));

    public async Task ScheduleAsync(NetworkRequest request, DateTimeOffset sentAt, CancellationToken ct)
    {
        if (request.Progress.DueAt is not { } due)
        {
            return;
        }
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<RequestDeadlineJob>()
            .WithIdentity(request.Id, "request-deadlines")
            .UsingJobData(RequestDeadlineJob.RequestIdKey, request.Id)
            .StoreDurably()
            .Build();
        var reminder = TriggerBuilder.Create()
            .WithIdentity($"{request.Id}:reminder", "request-deadlines")
            .ForJob(job)
            .UsingJobData(RequestDeadlineJob.KindKey, RequestDeadlineJob.Reminder)
            .StartAt(due - ReminderLead(due - sentAt))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        var overdue = TriggerBuilder.Create()
            .WithIdentity($"{request.Id}:overdue", "request-deadlines")
            .ForJob(job)
            .UsingJobData(RequestDeadlineJob.KindKey, RequestDeadlineJob.Overdue)
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [reminder, overdue], ScheduleJobOptions.Replacing, ct);
    }

    public async Task CancelAsync(string requestId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.DeleteJob(new JobKey(requestId, "request-deadlines"), ct);
    }
}
