using AssetTrace.Recovery.Steps;

namespace AssetTrace.Recovery.Figures;

/// <summary>
/// One line of the office's recovery figures: how many assets reached a step in a year, where they
/// lie, in cases of which crime type, found through which channel, and their value in USD at the date
/// of each move.
/// </summary>
/// <param name="Assets">Assets that reached the step (a move that was later corrected does not count).</param>
/// <param name="ValueUsd">The sum of the converted values; assets without a value or rate are left out and counted in <paramref name="Unvalued"/>.</param>
/// <param name="Restricted">How many of <paramref name="Assets"/> are facts restricted to a case (need-to-know): a report outside the case team must say so.</param>
public sealed record FigureRow(
    RecoveryStep Step, int Year, string Country, string CrimeType, DiscoveryChannel Channel, int Assets, decimal ValueUsd, int Unvalued, int Restricted);

/// <summary>The figures over every case the viewer sees, with the totals per step.</summary>
/// <param name="Cases">How many cases the figures are over.</param>
public sealed record RecoveryFigures(IReadOnlyList<FigureRow> Rows, IReadOnlyList<FigureRow> ByStep, int Cases, int Restricted);
