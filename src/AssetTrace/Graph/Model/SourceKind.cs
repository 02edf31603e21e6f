namespace AssetTrace.Graph.Model;

/// <summary>Where a fact came from; codes in graph-schema/codelists/source-kind.csv.</summary>
public enum SourceKind
{
    ManualEntry,
    BulkImport,
    OfficialRegistry,
    NetworkAnswer,
    MlaAnswer,
    OpenSource,
}
