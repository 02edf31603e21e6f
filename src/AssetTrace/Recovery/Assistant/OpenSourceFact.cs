namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// A node or edge the open-source watch wrote into the case's graph when an analyst accepted one of
/// its leads: which lead, from which source, and who accepted it.
/// </summary>
public sealed record OpenSourceFact(string FactId, string LeadId, string Source, string AcceptedBy);
