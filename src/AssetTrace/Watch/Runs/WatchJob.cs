using AssetTrace.Watch.Sources;
using Quartz;

namespace AssetTrace.Watch.Runs;

/// <summary>
/// The one job that runs every source (#15), by its name in the job data. One job per source, never
/// run twice at once ([DisallowConcurrentExecution] holds across servers on a clustered store), so two
/// servers never crawl the same source together; a paused source's firing does nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WatchJob(WatchSources sources, WatchRunStore runs, CrawlRunner runner, ILogger<WatchJob> logger) : IJob
{
    public const string SourceKey = "source";
    public const string StartedByKey = "startedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SourceKey)!;
        var startedBy = context.MergedJobDataMap.GetString(StartedByKey) ?? "scheduler";
        if (sources.Find(name) is not { } source)
        {
            logger.LogWarning("The watch source {Source} is scheduled but its file is gone; nothing to run", name);
            return;
        }
        if ((await runs.PausedAsync(cancellationToken)).Contains(name))
        {
            return;
        }
        var run = await runner.RunAsync(source, startedBy, cancellationToken);
        logger.LogInformation("Watch source {Source}: {Fetched} fetched, {Unchanged} unchanged, {Changed} changed, {Failed} failed, {Leads} leads",
            name, run.Fetched, run.Unchanged, run.Changed, run.Failed, run.Leads);
    }
}
