namespace AssetTrace.Graph.Schema;

/// <summary>One property of a node or edge kind, as declared in its graph-schema file.</summary>
/// <param name="Type">A code from graph-schema/codelists/property-type.csv.</param>
public sealed record PropertyDefinition(string Name, string Type, bool Required, string? Description);
