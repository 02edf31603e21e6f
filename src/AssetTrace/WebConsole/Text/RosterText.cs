using AssetTrace.Roster.Entries;

namespace AssetTrace.WebConsole.Text;

/// <summary>The roster pages' texts (Components/Pages/Roster, #16), in Russian and English. Texts with {0} take one argument.</summary>
public sealed partial class RosterText
{
    public required string NavRoster { get; init; }
    public required string BoardTitle { get; init; }
    public required string BoardNone { get; init; }
    public required string CandidatesTitle { get; init; }
    public required string CandidatesNone { get; init; }
    public required string FundTitle { get; init; }
    public required string FundNone { get; init; }
    public required string FundTotal { get; init; }
    public required string FundByCategory { get; init; }
    public required string FundByYear { get; init; }
    public required string FundByCountry { get; init; }
    public required string FundReturns { get; init; }
    public required string Person { get; init; }
    public required string Number { get; init; }
    public required string Stage { get; init; }
    public required string Deadline { get; init; }
    public required string Figure { get; init; }
    public required string OwnFigure { get; init; }
    public required string Assets { get; init; }
    public required string Source { get; init; }
    public required string Entry { get; init; }
    public required string Propose { get; init; }
    public required string ProposeTitle { get; init; }
    public required string Case { get; init; }
    public required string Criteria { get; init; }
    public required string Statement { get; init; }
    public required string Proposed { get; init; }
    public required string EntryTitle { get; init; }
    public required string Grounds { get; init; }
    public required string Decision { get; init; }
    public required string DecisionValue { get; init; }
    public required string Notice { get; init; }
    public required string NoticeValue { get; init; }
    public required string History { get; init; }
    public required string Documents { get; init; }
    public required string Evaluations { get; init; }
    public required string Actions { get; init; }
    public required string MeetingOn { get; init; }
    public required string VotesFor { get; init; }
    public required string VotesAgainst { get; init; }
    public required string Abstained { get; init; }
    public required string Members { get; init; }
    public required string Decide { get; init; }
    public required string DeliveredOn { get; init; }
    public required string Method { get; init; }
    public required string RecordNotice { get; init; }
    public required string Reason { get; init; }
    public required string RequestExclusion { get; init; }
    public required string ApproveExclusion { get; init; }
    public required string ExclusionPending { get; init; }
    public required string Done { get; init; }
    public required string Proposer { get; init; }
    public required string Declaration { get; init; }
    public required string DeclarationFile { get; init; }
    public required string RecordDeclaration { get; init; }
    public required string NoFile { get; init; }
    public required string Evaluate { get; init; }
    public required string Asset { get; init; }
    public required string Verdict { get; init; }
    public required string Explained { get; init; }
    public required string Unexplained { get; init; }
    public required string RecordEvaluation { get; init; }
    public required string Extend { get; init; }
    public required string Months { get; init; }
    public required string RecordExtension { get; init; }
    public required string CourtStep { get; init; }
    public required string Step { get; init; }
    public required string Note { get; init; }
    public required string RecordCourtStep { get; init; }
    public required string FundReturn { get; init; }
    public required string Amount { get; init; }
    public required string Currency { get; init; }
    public required string ReturnedOn { get; init; }
    public required string RecordReturn { get; init; }
    public required string Downloads { get; init; }
    public required string NoticePdf { get; init; }
    public required string CourtApplicationPdf { get; init; }

    /// <summary>The name of each stage, as the board and an entry's page show it.</summary>
    public required IReadOnlyDictionary<RosterStage, string> Stages { get; init; }

    public string StageName(RosterStage stage) => Stages[stage];
}
