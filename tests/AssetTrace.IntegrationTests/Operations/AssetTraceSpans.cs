using System.Diagnostics;
using AssetTrace.Operations.Telemetry;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>Every span of AssetTrace's own activity source, recorded, handed to a test as each one stops.</summary>
internal static class AssetTraceSpans
{
    /// <returns>The listener: dispose it to stop listening.</returns>
    public static ActivityListener Listen(Action<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AssetTraceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
