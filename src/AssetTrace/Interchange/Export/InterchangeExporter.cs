using AssetTrace.Common;

namespace AssetTrace.Interchange.Export;

/// <summary>Exports a scope of the graph in a named format.</summary>
public sealed class InterchangeExporter(GraphExtractor extractor, IEnumerable<IGraphExporter> exporters)
{
    public IReadOnlyList<IGraphExporter> Formats { get; } = [.. exporters.OrderBy(e => e.Name, StringComparer.Ordinal)];

    public IGraphExporter Format(string name) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException("format", $"'{name}' is not an export format; use one of {string.Join(", ", Formats.Select(f => f.Name))}.");

    public async Task<ExportSummary> ExportAsync(string format, ExportScope scope, IExportTarget target, CancellationToken ct)
    {
        var exporter = Format(format);
        var extract = await extractor.ExtractAsync(scope, ct);
        return await exporter.WriteAsync(extract, target, ct);
    }
}
