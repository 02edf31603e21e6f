using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Consent;
using AssetTrace.Visibility;

namespace AssetTrace.Interchange.Export;

/// <summary>Exports a scope of the graph in a named format.</summary>
public sealed class InterchangeExporter(GraphExtractor extractor, IEnumerable<IGraphExporter> exporters, ConsentLedger consents)
{
    public IReadOnlyList<IGraphExporter> Formats { get; } = [.. exporters.OrderBy(e => e.Name, StringComparer.Ordinal)];

    public IGraphExporter Format(string name) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException("format", $"'{name}' is not an export format; use one of {string.Join(", ", Formats.Select(f => f.Name))}.");

    /// <param name="forCourt">
    /// The export is marked for court: it is refused while it holds a fact received through a
    /// network or an FIU whose provider has not consented (the consent ledger), naming each one.
    /// </param>
    /// <param name="viewer">Whose rights decide what is exported: restricted facts they may not see are left out; those they may are written with their case as a marking.</param>
    public async Task<ExportSummary> ExportAsync(Viewer viewer, string format, ExportScope scope, IExportTarget target, CancellationToken ct, bool forCourt = false)
    {
        var exporter = Format(format);
        var extract = await extractor.ExtractAsync(viewer, scope, ct);
        if (forCourt)
        {
            var nodes = new List<Node>();
            await foreach (var node in extract.NodesAsync(ct))
            {
                nodes.Add(node);
            }
            var edges = new List<Edge>();
            await foreach (var edge in extract.EdgesAsync(ct))
            {
                edges.Add(edge);
            }
            var withheld = await consents.WithheldAsync(nodes, edges, ct);
            if (withheld.Count > 0)
            {
                throw new UserInputException([.. withheld.Select(w => new FieldError($"{w.Entity}/{w.EntityId}", $"may not go to court: {w.Reason}"))]);
            }
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var summary = await exporter.WriteAsync(extract, target, ct);
        Operations.Telemetry.AssetTraceTelemetry.Interchange("export", format, summary.Nodes + summary.Edges, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return summary;
    }
}
