namespace AssetTrace.Recovery.Assistant;

public enum RecommendationStatus
{
    Open,
    Accepted,
    Dismissed,
}

/// <summary>
/// A next action the assistant recommends for a case: what, why (the facts that triggered it, to
/// link to), and what accepting it drafts. <see cref="Key"/> names it across evaluations: the rule,
/// the action and what it is about, so a decision on it holds until the facts change.
/// </summary>
/// <param name="RouteProblem">Why it cannot be drafted as it stands (no contact point of the network in that state), if so.</param>
public sealed record Recommendation(
    string Key, string CrimeType, string RuleId, string ActionId, ActionDraft Draft, LocalText Title, LocalText Why,
    IReadOnlyList<FactLink> Facts, string? Network, string? Jurisdiction, IReadOnlyList<string> SubjectIds, IReadOnlyList<string> Questions,
    string? LegalBasis, string? SourceRequestId, string? RouteProblem, Decision? Decision)
{
    public RecommendationStatus Status => Decision?.Status ?? RecommendationStatus.Open;
}

/// <summary>How a recommendation was decided: accepted (with the draft request it made, if any) or dismissed with a reason.</summary>
public sealed record Decision(RecommendationStatus Status, string? Reason, string? RequestId, DateTimeOffset At, string By);

/// <summary>The assistant's answer for a case: its recommendations, and the playbook problems that left rules out.</summary>
public sealed record AssistantAnswer(string CrimeType, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<PlaybookProblem> Problems);
