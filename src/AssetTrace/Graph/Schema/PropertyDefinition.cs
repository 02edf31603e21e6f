using AssetTrace.Common;

namespace AssetTrace.Graph.Schema;

/// <summary>One property of a node or edge kind, as declared in its graph-schema file.</summary>
/// <param name="Type">A code from graph-schema/codelists/property-type.csv.</param>
/// <param name="Text">For text properties: which characters they may hold (see <see cref="TextHygiene"/>).</param>
/// <param name="MaxLength">For text properties: the most characters a value (each value of a list) may have.</param>
/// <param name="MaxItems">For lists: the most values the list may have.</param>
public sealed record PropertyDefinition(
    string Name,
    string Type,
    bool Required,
    string? Description,
    TextKind Text = TextKind.Line,
    int? MaxLength = null,
    int? MaxItems = null)
{
    public bool IsText => Type is "string" or "string[]";
}
