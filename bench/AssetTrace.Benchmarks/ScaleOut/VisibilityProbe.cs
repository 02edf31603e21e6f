using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>
/// Asks one server for a write's target's beneficial owners every <see cref="Interval"/> until the answer shows the
/// write (#18: visible to analytics on every server within one second).
/// </summary>
internal static class VisibilityProbe
{
    private const string Owners = "query($id: ID!) { beneficialOwners(id: $id, maxPaths: 1) { personId lowPercent } }";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Past this the write counts as never seen; a real defect, not a slow answer.</summary>
    public static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    /// <param name="committed">The timestamp when the mutation's answer came back: the write had committed by then.</param>
    /// <returns>From <paramref name="committed"/> to the arrival of the first answer that shows the write; null when none did within <see cref="GiveUp"/>.</returns>
    public static async Task<TimeSpan?> WaitAsync(GraphQLSession server, OwnershipWrite write, long committed, CancellationToken ct)
    {
        while (Stopwatch.GetElapsedTime(committed) < GiveUp)
        {
            var data = await server.DataAsync(Owners, new { id = write.Target }, ct);
            var elapsed = Stopwatch.GetElapsedTime(committed);
            if (Shows(data, write))
            {
                return elapsed;
            }
            await Task.Delay(Interval, ct);
        }
        return null;
    }

    private static bool Shows(JsonNode data, OwnershipWrite write) => data["beneficialOwners"]!.AsArray()
        .Any(o => o!["personId"]!.GetValue<string>() == write.Owner && o["lowPercent"]!.GetValue<double>() >= write.Share - 0.01);
}
