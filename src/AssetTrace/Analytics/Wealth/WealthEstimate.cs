using AssetTrace.Graph.Model;

namespace AssetTrace.Analytics.Wealth;

/// <summary>An asset counted in a wealth figure: its value, the share held, and the USD it adds.</summary>
/// <param name="Problem">Why the asset adds nothing: no valuation, or no rate for its currency.</param>
public sealed record WealthItem(
    string NodeId, NodeKind Kind, string Name, decimal? Value, string? Currency, DateOnly? ValueDate,
    double LowPercent, double HighPercent, decimal? UsdPerUnit, DateOnly? RateDate, decimal LowUsd, decimal HighUsd, string? Problem);

/// <summary>A total in USD as a range, with the items that make it up.</summary>
public sealed record WealthTotal(decimal LowUsd, decimal HighUsd, IReadOnlyList<WealthItem> Items);

/// <summary>
/// Estimated wealth of a person, alone and with their close circle (family, associates,
/// nominees), against the roster threshold (100 million USD by law).
/// </summary>
public sealed record WealthEstimate(
    string PersonId, decimal ThresholdUsd, WealthTotal Own, WealthTotal WithConnected, IReadOnlyList<string> ConnectedPersonIds,
    bool CrossesThreshold, bool CertainlyCrossesThreshold);
