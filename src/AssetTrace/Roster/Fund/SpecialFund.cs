using System.Globalization;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Entries;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Roster.Fund;

/// <summary>An amount returned to the Special Fund from a forfeited asset.</summary>
/// <param name="Category">The asset's kind (real_estate, vessel, …) unless the authorised body names another.</param>
/// <param name="SourceCountry">Where the asset was (ISO 3166-1 alpha-2).</param>
public sealed record FundReturn(string Id, string EntryId, string AssetId, string Category, string SourceCountry, decimal Amount, string Currency, DateOnly ReturnedOn,
    DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A total in USD (at the rate of each return's date) under one key: a category, a year or a country.</summary>
public sealed record FundTotal(string Key, decimal Usd, int Returns);

/// <summary>The Special Fund's totals, each return counted once in each breakdown; <see cref="Unconverted"/> returns have no rate and are left out of the USD figures.</summary>
public sealed record FundTotals(decimal Usd, IReadOnlyList<FundTotal> ByCategory, IReadOnlyList<FundTotal> ByYear, IReadOnlyList<FundTotal> ByCountry, int Unconverted);

/// <summary>
/// Assets returned to the Special Fund: recorded by the authorised body on a forfeited entry, with
/// amount, currency, date and the asset they came from; totalled by category, year and source country.
/// </summary>
public sealed class SpecialFund(Database database, RosterStore store, GraphQueries graph, ExchangeRateStore rates, TimeProvider clock)
{
    public async Task<FundReturn> RecordAsync(string entryId, string assetId, decimal amount, string currency, DateOnly returnedOn, string? category, string? sourceCountry,
        int? expectedVersion, Viewer actor, CancellationToken ct)
    {
        RosterRoles.Require(actor, "Recording a return to the Special Fund", RosterRoles.AuthorisedBody);
        var errors = new List<FieldError>();
        if (amount <= 0 || amount > 1_000_000_000_000m)
        {
            errors.Add(new FieldError("amount", $"give the amount returned, above 0, got {amount.ToString(CultureInfo.InvariantCulture)}."));
        }
        if (amount != Math.Round(amount, 2))
        {
            errors.Add(new FieldError("amount", $"give the amount in whole cents (two decimals at most), got {amount.ToString(CultureInfo.InvariantCulture)}."));
        }
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new FieldError("currency", $"give an ISO 4217 code such as USD or KZT, got '{Shorten(currency)}'."));
        }
        else if ((await rates.LoadAsync(ct)).RateOn(currency, returnedOn) is null)
        {
            // A return the totals cannot convert would count in no figure the office reports: refuse it while the user is there.
            errors.Add(new FieldError("currency", $"'{currency}' is not a currency the exchange rates know: check the code, or import its rates first."));
        }
        // The day in Almaty, as every other date of the roster: after 19:00 UTC it is already tomorrow there.
        if (returnedOn > LegalCalendar.Today(clock))
        {
            errors.Add(new FieldError("returnedOn", $"{returnedOn:yyyy-MM-dd} is in the future."));
        }
        if (sourceCountry is not null && (sourceCountry.Length != 2 || !sourceCountry.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new FieldError("sourceCountry", $"give an ISO 3166-1 alpha-2 code such as GB, got '{Shorten(sourceCountry)}'."));
        }
        TextHygiene.Check("category", category, TextKind.Identifier, 64, errors);
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        FundReturn? recorded = null;
        await store.ChangeAsync(entryId, actor, expectedVersion, "fund_return",
            string.Create(CultureInfo.InvariantCulture, $"{amount} {currency} on {returnedOn:yyyy-MM-dd} from {assetId}"), async (entry, c, t) =>
            {
                if (entry.Stage != RosterStage.Forfeited)
                {
                    throw new ConflictException($"Roster entry {entry.Label} is {entry.Stage}: returns are recorded once the court's forfeiture is recorded.");
                }
                if (!entry.AssetIds.Contains(assetId, StringComparer.Ordinal))
                {
                    throw new UserInputException("assetId", $"'{assetId}' is not one of the assets of {entry.Label}.");
                }
                var asset = (await graph.GetNodesAsync(Viewer.ForCase(entry.CaseId), [assetId], ct)).GetValueOrDefault(assetId);
                var country = sourceCountry ?? (asset?.Properties.TryGetProperty("country", out var p) == true ? p.GetString() : null) ?? "ZZ";
                recorded = new FundReturn(Guid.CreateVersion7().ToString(), entry.Id, assetId, category ?? (asset is null ? "other" : Snake(asset.Kind)), country,
                    amount, currency, returnedOn, clock.GetUtcNow(), actor.Name);
                await c.ExecuteAsync(t, """
                    INSERT INTO roster_fund_returns (id, entry_id, asset_id, category, source_country, amount, currency, returned_on, recorded_at, recorded_by)
                    VALUES (@id, @entry, @asset, @category, @country, @amount, @currency, @on, @at, @by)
                    """, ct, ("id", recorded.Id), ("entry", entry.Id), ("asset", assetId), ("category", recorded.Category), ("country", country),
                    ("amount", amount), ("currency", currency), ("on", returnedOn), ("at", recorded.RecordedAt), ("by", actor.Name));
                return entry;
            }, ct);
        return recorded!;
    }

    /// <summary>The returns of the entries the viewer may see.</summary>
    public async Task<List<FundReturn>> ReturnsAsync(Viewer viewer, string? entryId, CancellationToken ct)
    {
        RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
        var rows = await database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT f.id, f.entry_id, f.asset_id, f.category, f.source_country, f.amount, f.currency, f.returned_on, f.recorded_at, f.recorded_by, e.case_id
            FROM roster_fund_returns f JOIN roster_entries e ON e.id = f.entry_id
            WHERE {(entryId is null ? "1 = 1" : "f.entry_id = @entry")} ORDER BY f.returned_on, f.id
            """, r => (Return: new FundReturn(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDecimal(5), r.GetString(6),
                r.GetFieldValue<DateOnly>(7), r.Instant(8), r.GetString(9)), CaseId: r.GetString(10)), ct, ("entry", entryId ?? "")), ct);
        return [.. rows.Where(r => viewer.Sees(r.CaseId)).Select(r => r.Return)];
    }

    public async Task<FundTotals> TotalsAsync(Viewer viewer, CancellationToken ct)
    {
        var returns = await ReturnsAsync(viewer, null, ct);
        var table = await rates.LoadAsync(ct);
        var converted = returns.Select(r => (Return: r, Rate: table.RateOn(r.Currency, r.ReturnedOn))).ToList();
        var usable = converted.Where(x => x.Rate is not null).Select(x => (x.Return, Usd: Math.Round(x.Return.Amount * x.Rate!.UsdPerUnit, 2))).ToList();
        List<FundTotal> By(Func<FundReturn, string> key) =>
            [.. usable.GroupBy(x => key(x.Return)).Select(g => new FundTotal(g.Key, g.Sum(x => x.Usd), g.Count())).OrderByDescending(t => t.Usd).ThenBy(t => t.Key, StringComparer.Ordinal)];
        return new FundTotals(usable.Sum(x => x.Usd), By(r => r.Category), By(r => r.ReturnedOn.Year.ToString(CultureInfo.InvariantCulture)), By(r => r.SourceCountry),
            converted.Count(x => x.Rate is null));
    }

    private static string Snake(NodeKind kind) => string.Concat(kind.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 16 ? text : text[..16] + "…";
}
