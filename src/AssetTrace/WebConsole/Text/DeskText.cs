using AssetTrace.Mail;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The request desk's texts (#13), in Russian and English, apart from <see cref="ConsoleText"/>'s
/// long list so the desk's pages change one file. Texts with {0} (and {1}) take arguments
/// (string.Format); names of statuses, urgencies, languages and checklist items are looked up by code.
/// </summary>
public sealed partial class DeskText
{
    public required string NavRequests { get; init; }
    public required string OutboxTitle { get; init; }
    public required string NewRequest { get; init; }
    public required string EditTitle { get; init; }
    public required string ApprovalsTitle { get; init; }
    public required string ApprovalsHint { get; init; }
    public required string ApprovalsNone { get; init; }
    public required string HoldingPenTitle { get; init; }
    public required string HoldingPenHint { get; init; }
    public required string HoldingPenEmpty { get; init; }
    public required string FiguresTitle { get; init; }
    public required string RequestTitle { get; init; }
    public required string RequestHeading { get; init; }
    public required string RequestCount { get; init; }
    public required string Status { get; init; }
    public required string Case { get; init; }
    public required string Network { get; init; }
    public required string Jurisdiction { get; init; }
    public required string ContactPoint { get; init; }
    public required string Urgency { get; init; }
    public required string Due { get; init; }
    public required string Number { get; init; }
    public required string Author { get; init; }
    public required string ApprovedBy { get; init; }
    public required string FailureReason { get; init; }
    public required string Any { get; init; }
    public required string Choose { get; init; }
    public required string FilterButton { get; init; }
    public required string Overdue { get; init; }
    public required string Route { get; init; }
    public required string Subjects { get; init; }
    public required string FindSubject { get; init; }
    public required string Add { get; init; }
    public required string Remove { get; init; }
    public required string Questions { get; init; }
    public required string FreeText { get; init; }
    public required string Basis { get; init; }
    public required string LegalBasis { get; init; }
    public required string Offence { get; init; }
    public required string AssetLink { get; init; }
    public required string Confidentiality { get; init; }
    public required string Restrictions { get; init; }
    public required string Languages { get; init; }
    public required string SaveDraft { get; init; }
    public required string UnsavedNumber { get; init; }
    public required string PreviewTitle { get; init; }
    public required string PreviewProblems { get; init; }
    public required string ChecklistTitle { get; init; }
    public required string ChecklistComplete { get; init; }
    public required string ChecklistMissing { get; init; }
    public required string GapCount { get; init; }
    public required string SeeGaps { get; init; }
    public required string YouWroteIt { get; init; }
    public required string Letters { get; init; }
    public required string DownloadPdf { get; init; }
    public required string Thread { get; init; }
    public required string ThreadEmpty { get; init; }
    public required string SentMail { get; init; }
    public required string ReceivedMail { get; init; }
    public required string At { get; init; }
    public required string Who { get; init; }
    public required string Event { get; init; }
    public required string Detail { get; init; }
    public required string Actions { get; init; }
    public required string Edit { get; init; }
    public required string Approve { get; init; }
    public required string Send { get; init; }
    public required string Note { get; init; }
    public required string Acknowledge { get; init; }
    public required string AnswerPartly { get; init; }
    public required string AnswerFully { get; init; }
    public required string AnswerHint { get; init; }
    public required string Close { get; init; }
    public required string WithdrawReason { get; init; }
    public required string Withdraw { get; init; }
    public required string Approved { get; init; }
    public required string Queued { get; init; }
    public required string Recorded { get; init; }
    public required string AssignTo { get; init; }
    public required string Assign { get; init; }
    public required string Assigned { get; init; }
    public required string ChooseRequest { get; init; }
    public required string OverdueTitle { get; init; }
    public required string OverdueNone { get; init; }
    public required string OpenAndOverdue { get; init; }
    public required string ChartTitle { get; init; }
    public required string ChartCaption { get; init; }
    public required string FiguresNone { get; init; }
    public required string AnsweredCount { get; init; }
    public required string MedianDays { get; init; }
    public required string AverageDays { get; init; }
    public required string OpenCount { get; init; }
    public required string OverdueCount { get; init; }
    public required string NoAnswerYet { get; init; }
    public required string DaysValue { get; init; }
    public required IReadOnlyDictionary<RequestStatus, string> Statuses { get; init; }
    public required IReadOnlyDictionary<Urgency, string> Urgencies { get; init; }
    public required IReadOnlyDictionary<OutboxStatus, string> OutboxStates { get; init; }
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }
    public required IReadOnlyDictionary<string, string> ChecklistItems { get; init; }

    public string StatusName(RequestStatus status) => Statuses[status];

    public string UrgencyName(Urgency urgency) => Urgencies[urgency];

    public string OutboxState(OutboxStatus status) => OutboxStates[status];

    public string LanguageName(string code) => LanguageNames.GetValueOrDefault(code, code);

    /// <summary>A checklist item the office added to reference-data later is shown by its code.</summary>
    public string ChecklistItem(string code) => ChecklistItems.GetValueOrDefault(code, code);
}
