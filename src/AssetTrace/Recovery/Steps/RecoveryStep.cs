namespace AssetTrace.Recovery.Steps;

/// <summary>
/// Where an asset of a case stands on the road to recovery (#17). The office's four steps (trace,
/// prove the link, freeze or seize, confiscate) with their ends: returned to the state, or released.
/// Codes (lower_snake) are what the store and the CSV files hold.
/// </summary>
public enum RecoveryStep
{
    Identified,
    Traced,
    LinkEstablished,
    Frozen,
    Seized,
    Confiscated,
    Returned,
    Released,
}

/// <summary>The channel through which the office first learnt of an asset.</summary>
public enum DiscoveryChannel
{
    NetworkRequest,
    Mla,
    OpenSource,
    Registry,
}

/// <summary>What a move rests on: a document, a request sent, a court decision or an act of the roster's Commission.</summary>
public enum JustificationKind
{
    Document,
    Request,
    CourtDecision,
    RosterAct,
}
