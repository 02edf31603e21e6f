using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Recovery.Steps;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Recovery;

/// <summary>The moves a test takes an asset through before the part it is about, as a user records them.</summary>
public static class RecoverySteps
{
    public static readonly Viewer Analyst = Viewer.User("analyst1", [AssetTrace.Accounts.Role.Analyst], ["demo-case"]);

    public static MoveInput Move(RecoveryStep step, string onDate, decimal? value = null, string? currency = null, string node = "demo-flat-london",
        JustificationKind kind = JustificationKind.Document, string reference = "note 1", string? unrestrained = null, int? expectedVersion = null) =>
        new("demo-case", node, step, DateOnly.Parse(onDate, System.Globalization.CultureInfo.InvariantCulture), value, currency, [new Justification(kind, reference)],
            step == RecoveryStep.Identified ? DiscoveryChannel.NetworkRequest : null, unrestrained, null, expectedVersion);

    /// <summary>Records the steps in order, each a month apart from February 2026, valued at 4.2M GBP.</summary>
    public static async Task<AssetRecovery> ThroughAsync(CoreHarness harness, string node, params RecoveryStep[] steps)
    {
        AssetRecovery? asset = null;
        for (var i = 0; i < steps.Length; i++)
        {
            asset = await harness.Get<RecoveryLedger>().RecordAsync(Move(steps[i], $"2026-{i + 2:00}-01", 4_200_000, "GBP", node), Analyst, default);
        }
        return asset!;
    }
}
