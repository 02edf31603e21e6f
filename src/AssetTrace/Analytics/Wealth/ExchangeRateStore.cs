using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using nietras.SeparatedValues;

namespace AssetTrace.Analytics.Wealth;

/// <summary>
/// The exchange_rates table: seeded from reference-data/exchange-rates.csv on first start, and
/// extended or corrected by importing CSV files (currency,date,usd_per_unit,source). An import
/// is all or nothing, audited, and bumps the graph's change counter so cached wealth figures
/// are recomputed.
/// </summary>
public sealed class ExchangeRateStore(Database database, AuditLog audit)
{
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "reference-data", "exchange-rates.csv");

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var count = await database.ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM exchange_rates", ct), ct);
        if (count == 0 && File.Exists(DefaultFile))
        {
            await ImportAsync(DefaultFile, "system", ct);
        }
    }

    public async Task<RateTable> LoadAsync(CancellationToken ct) =>
        new(await database.ReadAsync(c => c.QueryAsync(null, "SELECT currency, on_date, usd_per_unit, source FROM exchange_rates",
            r => new ExchangeRate(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetDecimal(2), r.GetString(3)), ct), ct));

    /// <summary>Reads and checks the whole file first; writes nothing when any row is wrong.</summary>
    /// <returns>The number of rates written.</returns>
    public async Task<int> ImportAsync(string path, string actor, CancellationToken ct)
    {
        var rates = Read(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, ct)));
        await database.WriteAsync(async (c, t) =>
        {
            foreach (var rate in rates)
            {
                await c.ExecuteAsync(t, """
                    INSERT INTO exchange_rates (currency, on_date, usd_per_unit, source) VALUES (@c, @d, @r, @s)
                    ON CONFLICT (currency, on_date) DO UPDATE SET usd_per_unit = excluded.usd_per_unit, source = excluded.source
                    """, ct, ("c", rate.Currency), ("d", rate.Date), ("r", rate.UsdPerUnit), ("s", rate.Source));
            }
            await GraphVersion.BumpAsync(c, t, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor, "rates.imported", "exchange_rates", null,
                JsonSerializer.Serialize(new { file = Path.GetFileName(path), sha256 = hash, rates = rates.Count }), null), ct);
            return true;
        }, ct);
        return rates.Count;
    }

    private static List<ExchangeRate> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException("file", $"'{path}' does not exist.");
        }
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        string[] expected = ["currency", "date", "usd_per_unit", "source"];
        if (!reader.Header.ColNames.SequenceEqual(expected))
        {
            throw new UserInputException("file", $"{path}: the header must be '{string.Join(',', expected)}'.");
        }
        var rates = new List<ExchangeRate>();
        var errors = new List<FieldError>();
        foreach (var row in reader)
        {
            var line = $"{Path.GetFileName(path)} line {row.LineNumberFrom}";
            var currency = row["currency"].ToString();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                errors.Add(new FieldError(line, $"currency '{currency}' is not an ISO 4217 code such as EUR."));
                continue;
            }
            if (!DateOnly.TryParseExact(row["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new FieldError(line, $"date '{row["date"]}' is not written YYYY-MM-DD."));
                continue;
            }
            if (!decimal.TryParse(row["usd_per_unit"].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                errors.Add(new FieldError(line, $"usd_per_unit '{row["usd_per_unit"]}' is not a positive number."));
                continue;
            }
            rates.Add(new ExchangeRate(currency, date, rate, row["source"].ToString()));
        }
        return errors.Count > 0 ? throw new UserInputException(errors) : rates;
    }
}
