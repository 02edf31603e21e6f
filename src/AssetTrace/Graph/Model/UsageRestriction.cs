namespace AssetTrace.Graph.Model;

/// <summary>What a fact may be used for; codes in graph-schema/codelists/usage-restriction.csv.</summary>
public enum UsageRestriction
{
    Evidence,
    IntelligenceOnly,
    ConsentRequired,
}
