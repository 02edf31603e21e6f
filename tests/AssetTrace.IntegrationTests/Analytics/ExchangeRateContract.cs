using AssetTrace.Analytics.Wealth;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Analytics;

public abstract class ExchangeRateContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private string Csv(string body)
    {
        return _harness.TempFile($"rates-{Guid.NewGuid():N}.csv", "currency,date,usd_per_unit,source\n" + body);
    }

    [Fact]
    public async Task The_shipped_rates_are_seeded_and_an_import_adds_and_corrects()
    {
        var store = _harness.Get<ExchangeRateStore>();
        Assert.Equal(1.315m, (await store.LoadAsync(default)).RateOn("GBP", new DateOnly(2025, 11, 15))!.UsdPerUnit);

        await store.ImportAsync(Csv("GBP,2025-11-01,1.3200,NBK official\nKGS,2025-12-31,0.0114,NBK official\n"), "officer1", default);

        var rates = await store.LoadAsync(default);
        Assert.Equal(1.32m, rates.RateOn("GBP", new DateOnly(2025, 11, 15))!.UsdPerUnit);
        Assert.Equal("NBK official", rates.RateOn("KGS", new DateOnly(2026, 1, 1))!.Source);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_names_its_line_and_changes_nothing()
    {
        var store = _harness.Get<ExchangeRateStore>();

        var error = await Assert.ThrowsAsync<UserInputException>(() =>
            store.ImportAsync(Csv("GBP,2025-11-01,1.3200,ok\neuro,2025-12-31,1.1,bad code\nEUR,31.12.2025,1.1,bad date\n"), "officer1", default));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("line 3", error.Errors[0].Field, StringComparison.Ordinal);
        Assert.Contains("'euro'", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Errors[1].Field, StringComparison.Ordinal);
        Assert.Equal(1.315m, (await store.LoadAsync(default)).RateOn("GBP", new DateOnly(2025, 11, 15))!.UsdPerUnit);
    }
}

public sealed class SqliteExchangeRateTests() : ExchangeRateContract(StoreKind.Sqlite);

public sealed class PostgresExchangeRateTests() : ExchangeRateContract(StoreKind.Postgres);
