namespace AssetTrace.Matching;

/// <summary>
/// Birth dates, countries and identifiers: what raises or lowers a name match (#14). An identifier
/// equal after normalisation is strong evidence on its own; a different birth date or identifier
/// makes a close name much less likely to be the same person.
/// </summary>
public static class Evidence
{
    private const double IdentifierFloor = 0.95;
    private const double IdentifierDiffersFactor = 0.5;
    private const double BirthDateDiffersFactor = 0.6;
    private const double BirthDateAgreesGain = 0.3;
    private const double CountryDiffersFactor = 0.9;
    private const double CountryAgreesGain = 0.1;

    /// <param name="reasons">Where the evidence weighed is explained; null when only the score is wanted.</param>
    public static double Apply(double score, MatchSubject query, MatchSubject candidate, List<MatchReason>? reasons)
    {
        // A query of names alone (the search box) has nothing to weigh: no set is built for each of its candidates.
        if (query.Identifiers is not { Count: > 0 } && Present(query.BirthDate) is null && Present(query.Country) is null)
        {
            return Math.Clamp(score, 0, 1);
        }
        var queryIds = Identifiers(query);
        var candidateIds = Identifiers(candidate);
        if (queryIds.Count > 0 && candidateIds.Count > 0)
        {
            var shared = queryIds.FirstOrDefault(candidateIds.Contains);
            if (shared is not null)
            {
                reasons?.Add(new MatchReason(shared, shared, MatchHow.IdentifierAgrees, 1));
                score = Math.Max(score, IdentifierFloor);
            }
            else
            {
                reasons?.Add(new MatchReason(queryIds.First(), candidateIds.First(), MatchHow.IdentifierDiffers, 0));
                score *= IdentifierDiffersFactor;
            }
        }
        if (Present(query.BirthDate) is { } qb && Present(candidate.BirthDate) is { } cb)
        {
            // A partial date agrees with every full date inside it: "1965" with "1965-04-17".
            var agrees = qb.StartsWith(cb, StringComparison.Ordinal) || cb.StartsWith(qb, StringComparison.Ordinal);
            reasons?.Add(new MatchReason(qb, cb, agrees ? MatchHow.BirthDateAgrees : MatchHow.BirthDateDiffers, agrees ? 1 : 0));
            score = agrees ? score + ((1 - score) * BirthDateAgreesGain) : score * BirthDateDiffersFactor;
        }
        if (Present(query.Country) is { } qc && Present(candidate.Country) is { } cc)
        {
            var agrees = string.Equals(qc, cc, StringComparison.OrdinalIgnoreCase);
            reasons?.Add(new MatchReason(qc, cc, agrees ? MatchHow.CountryAgrees : MatchHow.CountryDiffers, agrees ? 1 : 0));
            score = agrees ? score + ((1 - score) * CountryAgreesGain) : score * CountryDiffersFactor;
        }
        return Math.Clamp(score, 0, 1);
    }

    /// <summary>An identifier as compared: letters and digits only, upper-case ("KZ 123-456" is "KZ123456").</summary>
    public static string Normalise(string identifier) =>
        new([.. identifier.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);

    private static HashSet<string> Identifiers(MatchSubject subject) =>
        subject.Identifiers is null ? [] : [.. subject.Identifiers.Select(Normalise).Where(i => i.Length >= 4)];

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
