namespace AssetTrace.Roster.Entries;

/// <summary>What the authorised body gives to propose a person for the roster.</summary>
/// <param name="ConnectedPersonIds">The connected persons to attach; null: the close circle the wealth figure counts.</param>
public sealed record RosterProposal(string CaseId, string SubjectId, IReadOnlyList<string>? ConnectedPersonIds, IReadOnlyList<string> Criteria, string Statement);

/// <summary>The Commission's vote at a dated meeting.</summary>
public sealed record RosterVote(DateOnly MeetingOn, int For, int Against, int Abstained, IReadOnlyList<string> Members);
