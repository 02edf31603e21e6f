using AssetTrace.Requests.Lifecycle;
using Quartz;

namespace AssetTrace.Requests.Deadlines;

/// <summary>
/// Fires before a request's due date (reminder) and at it (overdue). Both check that the request
/// still waits for an answer: an answer that came in the meantime makes them do nothing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RequestDeadlineJob(RequestStore requests, ILogger<RequestDeadlineJob> logger) : IJob
{
    public const string RequestIdKey = "requestId";
    public const string KindKey = "kind";
    public const string Reminder = "reminder";
    public const string Overdue = "overdue";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetString(RequestIdKey)!;
        var kind = context.MergedJobDataMap.GetString(KindKey)!;
        var request = await requests.GetAsync(id, cancellationToken);
        if (request is null || !RequestTransitions.AwaitingAnswer.Contains(request.Progress.Status))
        {
            return;
        }
        var due = request.Progress.DueAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        if (kind == Overdue)
        {
            await requests.NoteAsync(id, "scheduler", "overdue", $"no answer by {due}", r => r with { Progress = r.Progress with { Overdue = true } }, cancellationToken);
            logger.LogWarning("Request {Number} is overdue (due {Due})", request.Number, due);
        }
        else
        {
            await requests.NoteAsync(id, "scheduler", "reminder", $"answer due {due}", null, cancellationToken);
        }
    }
}
