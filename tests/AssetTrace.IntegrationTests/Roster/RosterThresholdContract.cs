using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Roster.Candidates;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Roster;

/// <summary>
/// The roster threshold set in monthly calculation indices instead of USD (#16), on both stores: converted
/// with the year's index from reference-data and the KZT rate of the day, and refused for a year without an index.
/// </summary>
public abstract class RosterThresholdContract(StoreKind kind) : IAsyncLifetime
{
    /// <summary>Ten million indices: 10,000,000 × 4,325 KZT (2026) × 0.001950 USD per KZT (rate of 2025-12-31) = 84,337,500 USD.</summary>
    private const decimal Indices = 10_000_000m;

    private Dictionary<string, string?> _settings = null!;
    private CoreHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _settings = await TestDatabases.CreateAsync(kind);
        _settings["Demo:Load"] = "true";
        _settings["Roster:ThresholdMci"] = Indices.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _harness = await CoreHarness.StartAsync(_settings);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        TestDatabases.Delete(_settings);
    }

    [Fact]
    public async Task A_threshold_in_monthly_calculation_indices_is_converted_with_the_years_index_and_the_days_rate()
    {
        var threshold = _harness.Get<RosterThreshold>();
        Assert.Equal(84_337_500.00m, await threshold.UsdOnAsync(new DateOnly(2026, 11, 28), default));
        // 2025: 3,932 KZT an index, and the rate of 2024-12-31 (0.001905) is the latest on or before 1 June 2025.
        Assert.Equal(74_904_600.00m, await threshold.UsdOnAsync(new DateOnly(2025, 6, 1), default));

        var analyst = Viewer.User("asel.analyst", [Role.Analyst], ["demo-case"]);
        var candidates = await _harness.Get<RosterCandidates>().ListAsync(analyst, new DateOnly(2026, 11, 28), default);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Equal(84_337_500.00m, c.ThresholdUsd));
        Assert.All(candidates, c => Assert.True(c.HighUsd >= c.ThresholdUsd, $"{c.PersonId}: {c.HighUsd} USD"));

        // No index for 2027 in the reference data: the user is told which file lacks it, not given a figure made up.
        var error = await Assert.ThrowsAsync<UserInputException>(() => _harness.Get<RosterCandidates>().ListAsync(analyst, new DateOnly(2027, 1, 5), default));
        var problem = Assert.Single(error.Errors);
        Assert.Equal("asOf", problem.Field);
        Assert.Contains("2027", problem.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteRosterThresholdTests() : RosterThresholdContract(StoreKind.Sqlite);

public sealed class PostgresRosterThresholdTests() : RosterThresholdContract(StoreKind.Postgres);
