namespace AssetTrace.Requests.Lifecycle;

/// <summary>What a request asks and on what basis; the part an officer drafts and a supervisor approves.</summary>
/// <param name="SubjectIds">Graph nodes the request is about.</param>
/// <param name="Questions">Codes from reference-data/request-questions.csv.</param>
/// <param name="Languages">ISO 639-1 codes of the letter's languages (en, ru, fr, es, ar, zh), first is the main one.</param>
/// <param name="Statements">Checklist statements by item code (dual_criminality, reciprocity_assurance, …).</param>
public sealed record RequestBody(
    IReadOnlyList<string> SubjectIds,
    IReadOnlyList<string> Questions,
    string? FreeText,
    string LegalBasis,
    string OffenceDescription,
    string? AssetLink,
    string Confidentiality,
    string? Restrictions,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, string> Statements)
{
    /// <summary>The confidentiality of a request that says none; letters print it in their own language.</summary>
    public const string DefaultConfidentiality = "Confidential";
}
