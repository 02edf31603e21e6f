using AssetTrace.Watch.Sources;
using Quartz;

namespace AssetTrace.Watch.Runs;

/// <summary>
/// Schedules each source's job by its cron expression, at run time through <see cref="ISchedulerFactory"/>
/// (the scheduler itself is configured once, elsewhere), and starts a run at once on request. Triggers live
/// in Quartz's persistent store, so a clustered store fires each scheduled run on exactly one server.
/// </summary>
public sealed class WatchScheduler(ISchedulerFactory schedulers, WatchSources sources)
{
    public const string Group = "watch";

    public static JobKey KeyOf(string source) => new(source, Group);

    public async Task ScheduleAllAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        foreach (var source in sources.All)
        {
            var job = Job(source.Name);
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"{source.Name}:cron", Group)
                .ForJob(job)
                .WithCronSchedule(source.Schedule, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed).InTimeZone(TimeZoneInfo.Utc))
                .Build();
            await scheduler.ScheduleJob(job, new List<ITrigger> { trigger }, ScheduleJobOptions.Replacing, ct);
        }
    }

    /// <summary>Runs the source now, on whichever server's scheduler picks it up (never beside a run of it already going).</summary>
    public async Task StartNowAsync(string source, string startedBy, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(KeyOf(source), ct))
        {
            await scheduler.AddJob(Job(source), AddJobOptions.Replacing, ct);
        }
        await scheduler.TriggerJob(KeyOf(source), new JobDataMap { [WatchJob.StartedByKey] = startedBy }, ct);
    }

    private static IJobDetail Job(string source) => JobBuilder.Create<WatchJob>()
        .WithIdentity(KeyOf(source))
        .UsingJobData(WatchJob.SourceKey, source)
        .StoreDurably()
        .Build();
}

/// <summary>Puts every source's schedule in place when the server starts.</summary>
public sealed class WatchStartup(WatchScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.ScheduleAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
