namespace AssetTrace.Matching.Screening;

/// <summary>One row of a screening list: a name, and what may support or contradict a match of it (#14).</summary>
/// <param name="Number">The row as the user counts it: 1 for the first name (in a CSV, the line after the header).</param>
/// <param name="BirthDate">As precise as known: "1965-04-17", "1965-04" or "1965".</param>
/// <param name="Country">ISO 3166-1 alpha-2: nationality, jurisdiction or flag.</param>
/// <param name="Identifier">IIN/BIN, registration number, passport or IMO number, as written; compared exactly after normalisation.</param>
public sealed record ScreenRow(int Number, string Name, string? BirthDate = null, string? Country = null, string? Identifier = null)
{
    public MatchSubject Subject => new([Name], BirthDate, Country, Identifier is null ? null : [Identifier]);
}
