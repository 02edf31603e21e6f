using AssetTrace.Analytics;
using AssetTrace.Interchange.Import;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Analytics;

/// <summary>BODS examples imported and their beneficial owners computed: the figures must agree with what the files declare.</summary>
public abstract class BodsBeneficialOwnerContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task ImportAsync(string fixture)
    {
        var report = await _harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [Fixtures.Path(fixture)], new ImportOptions("analyst1", Strict: true), null, default);
        Assert.True(report.Committed, string.Join("; ", report.Problems.Select(p => p.ToString())));
    }

    [Fact]
    public async Task A_direct_100_percent_shareholder_is_the_beneficial_owner_the_package_declares()
    {
        await ImportAsync("bods/0.4/bods-package.json");

        var owners = await _harness.Get<OwnershipAnalytics>().BeneficialOwnersAsync(Viewer.System("test"), InterchangeIds.For("bods", "c359f58d2977"), null, null, 1, default);

        var owner = Assert.Single(owners);
        Assert.Equal("Jennifer Hewitson-Smith", owner.Name);
        Assert.Equal(100, owner.LowPercent, 9);
        Assert.True(owner.CertainByOwnership);
    }

    [Fact]
    public async Task An_indirect_holding_is_reported_as_declared_and_not_computed_from_an_interest_of_unknown_kind()
    {
        // Person 1 has an interest of unknown kind in Company B, which holds 60% of Company A; the file declares 30% indirect.
        await ImportAsync("bods/0.4/indirect-ownership.json");

        var owner = Assert.Single(await _harness.Get<OwnershipAnalytics>().BeneficialOwnersAsync(Viewer.System("test"), InterchangeIds.For("bods", "ad3f6c2fcc9e"), null, null, 3, default));

        Assert.Equal("Person 1", owner.Name);
        Assert.True(owner.Declared);
        Assert.Equal(30, owner.DeclaredPercent!.Value, 9);
        Assert.Equal(0, owner.HighPercent);
        Assert.Empty(owner.Paths);
    }
}

public sealed class SqliteBodsBeneficialOwnerTests() : BodsBeneficialOwnerContract(StoreKind.Sqlite);

public sealed class PostgresBodsBeneficialOwnerTests() : BodsBeneficialOwnerContract(StoreKind.Postgres);
