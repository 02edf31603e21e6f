namespace AssetTrace.Matching;

/// <summary>
/// What the matcher knows of someone or something: its names (the first is the main one), and the
/// evidence that supports or contradicts a name match.
/// </summary>
/// <param name="BirthDate">As precise as known: "1965-04-17", "1965-04" or "1965".</param>
/// <param name="Country">ISO 3166-1 alpha-2: nationality, jurisdiction or flag.</param>
/// <param name="Identifiers">IIN/BIN, registration numbers, passports, IMO numbers, as written.</param>
public sealed record MatchSubject(IReadOnlyList<string> Names, string? BirthDate = null, string? Country = null, IReadOnlyList<string>? Identifiers = null)
{
    public static MatchSubject Named(string name) => new([name]);
}
