using AssetTrace.Recovery.Steps;

namespace AssetTrace.WebConsole.Text;

public sealed partial class RecoveryText
{
    public static RecoveryText English { get; } = new()
    {
        NavRecovery = "Recovery",
        NavFigures = "Recovery figures",
        CasesTitle = "Recovery by case",
        CasesNone = "You work on no case.",
        CaseTitle = "Case {0}: recovery",
        AssetsTitle = "Assets by step",
        AssetsNone = "No asset of the case is recorded yet.",
        Asset = "Asset",
        Country = "Country",
        Step = "Step",
        LastMove = "Last move",
        Value = "Value",
        Requests = "Requests about it",
        RecordTitle = "Record a move",
        Date = "Date",
        Currency = "Currency",
        JustificationKind = "Justification",
        Reference = "Reference",
        Channel = "Found through",
        UnrestrainedReason = "Why confiscated without a freeze (if it was)",
        Record = "Record",
        Recorded = "Move recorded.",
        Correct = "Correct the latest move",
        CorrectReason = "Why the move was a mistake",
        AssistantTitle = "The assistant recommends",
        AssistantNone = "The assistant recommends nothing.",
        Why = "Why",
        Facts = "Facts",
        Accept = "Accept: draft the request",
        AcceptTask = "Accept",
        Dismiss = "Dismiss",
        DismissReason = "Reason to dismiss",
        Accepted = "Accepted ({0})",
        Dismissed = "Dismissed ({0}): {1}",
        DraftMade = "Draft request",
        CannotDraft = "Cannot be drafted: {0}",
        PlaybookProblems = "Rules not loaded",
        FiguresTitle = "Recovery figures",
        FiguresHint = "Assets that reached each step, by year, country, crime type and channel; values in USD at the date of each move. Only over the cases you see.",
        FiguresNone = "No move is recorded yet.",
        ChartTitle = "Value by step, USD",
        Year = "Year",
        CrimeType = "Crime type",
        Assets = "Assets",
        ValueUsd = "Value, USD",
        Unvalued = "Unvalued",
        Restricted = "Restricted",
        RestrictedNote = "These totals include {0} assets whose facts are restricted to a case: do not pass them on outside its team.",
        DownloadCsv = "Download CSV",
        Steps = new Dictionary<RecoveryStep, string>
        {
            [RecoveryStep.Identified] = "identified",
            [RecoveryStep.Traced] = "traced",
            [RecoveryStep.LinkEstablished] = "link established",
            [RecoveryStep.Frozen] = "frozen",
            [RecoveryStep.Seized] = "seized",
            [RecoveryStep.Confiscated] = "confiscated",
            [RecoveryStep.Returned] = "returned",
            [RecoveryStep.Released] = "released",
        },
        Channels = new Dictionary<DiscoveryChannel, string>
        {
            [DiscoveryChannel.NetworkRequest] = "network request",
            [DiscoveryChannel.Mla] = "MLA",
            [DiscoveryChannel.OpenSource] = "open source",
            [DiscoveryChannel.Registry] = "registry",
        },
        Justifications = new Dictionary<JustificationKind, string>
        {
            [Recovery.Steps.JustificationKind.Document] = "document",
            [Recovery.Steps.JustificationKind.Request] = "request (id)",
            [Recovery.Steps.JustificationKind.CourtDecision] = "court decision",
            [Recovery.Steps.JustificationKind.RosterAct] = "roster act",
        },
    };
}
