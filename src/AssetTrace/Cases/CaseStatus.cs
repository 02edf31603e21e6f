namespace AssetTrace.Cases;

/// <summary>Codes in graph-schema/codelists/case-status.csv.</summary>
public enum CaseStatus
{
    Open,
    Suspended,
    Closed,
}
