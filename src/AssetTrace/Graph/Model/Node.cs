using System.Text.Json;

namespace AssetTrace.Graph.Model;

/// <summary>A node as it stands now (or stood at <see cref="Version"/>).</summary>
/// <param name="Properties">A JSON object whose keys are defined by the node kind's file in graph-schema/nodes.</param>
public sealed record Node(
    string Id,
    NodeKind Kind,
    string Name,
    JsonElement Properties,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    Provenance Provenance,
    Stamp Stamp);
