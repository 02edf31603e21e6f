using AssetTrace.Recovery.Steps;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The recovery pages' texts (#17): a case's assets through the steps, the assistant's
/// recommendations beside them, and the office's figures. Texts with {0} take arguments.
/// </summary>
public sealed partial class RecoveryText
{
    public required string NavRecovery { get; init; }
    public required string NavFigures { get; init; }
    public required string CasesTitle { get; init; }
    public required string CasesNone { get; init; }
    public required string CaseTitle { get; init; }
    public required string AssetsTitle { get; init; }
    public required string AssetsNone { get; init; }
    public required string Asset { get; init; }
    public required string Country { get; init; }
    public required string Step { get; init; }
    public required string LastMove { get; init; }
    public required string Value { get; init; }
    public required string Requests { get; init; }
    public required string RecordTitle { get; init; }
    public required string Date { get; init; }
    public required string Currency { get; init; }
    public required string JustificationKind { get; init; }
    public required string Reference { get; init; }
    public required string Channel { get; init; }
    public required string UnrestrainedReason { get; init; }
    public required string Record { get; init; }
    public required string Recorded { get; init; }
    public required string Correct { get; init; }
    public required string CorrectReason { get; init; }
    public required string AssistantTitle { get; init; }
    public required string AssistantNone { get; init; }
    public required string Why { get; init; }
    public required string Facts { get; init; }
    public required string Accept { get; init; }
    public required string AcceptTask { get; init; }
    public required string Dismiss { get; init; }
    public required string DismissReason { get; init; }
    public required string Accepted { get; init; }
    public required string Dismissed { get; init; }
    public required string DraftMade { get; init; }
    public required string TasksTitle { get; init; }
    public required string TasksNone { get; init; }
    public required string TaskAccepted { get; init; }
    public required string TaskDone { get; init; }
    public required string TaskNote { get; init; }
    public required string TaskComplete { get; init; }
    public required string CannotDraft { get; init; }
    public required string PlaybookProblems { get; init; }
    public required string FiguresTitle { get; init; }
    public required string FiguresHint { get; init; }
    public required string FiguresNone { get; init; }
    public required string ChartTitle { get; init; }
    public required string Year { get; init; }
    public required string CrimeType { get; init; }
    public required string Assets { get; init; }
    public required string ValueUsd { get; init; }
    public required string Unvalued { get; init; }
    public required string Restricted { get; init; }
    public required string RestrictedNote { get; init; }
    public required string DownloadCsv { get; init; }
    public required IReadOnlyDictionary<RecoveryStep, string> Steps { get; init; }
    public required IReadOnlyDictionary<DiscoveryChannel, string> Channels { get; init; }
    public required IReadOnlyDictionary<JustificationKind, string> Justifications { get; init; }

    public string StepName(RecoveryStep? step) => step is { } s ? Steps[s] : "—";
}
