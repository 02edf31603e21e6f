using System.Collections.Concurrent;
using System.Diagnostics;
using AssetTrace.Operations.Telemetry;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// The store commands each GraphQL request made, by its operation name, read from the request's span
/// (<see cref="AssetTraceTelemetry.StoreCommandsTag"/>). A span ends after its answer is written: the count is awaited.
/// </summary>
internal sealed class StoreCommandCounts : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _of = new();
    private readonly ActivityListener _listener;

    public StoreCommandCounts() =>
        _listener = AssetTraceSpans.Listen(a =>
        {
            if (a.GetTagItem(AssetTraceTelemetry.StoreCommandsTag) is long commands && a.DisplayName.StartsWith("graphql ", StringComparison.Ordinal))
            {
                Of(a.DisplayName["graphql ".Length..]).TrySetResult(commands);
            }
        });

    /// <summary>The count of the request named <paramref name="operation"/>, once its span has ended.</summary>
    public Task<long> OfAsync(string operation) => Of(operation).Task.WaitAsync(TimeSpan.FromSeconds(30));

    private TaskCompletionSource<long> Of(string operation) =>
        _of.GetOrAdd(operation, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Dispose() => _listener.Dispose();
}
