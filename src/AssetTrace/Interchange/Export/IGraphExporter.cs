namespace AssetTrace.Interchange.Export;

/// <summary>Where an exporter writes its files.</summary>
public interface IExportTarget
{
    Stream Create(string fileName);
}

/// <summary>A format the graph can be written in.</summary>
public interface IGraphExporter
{
    /// <summary>The name on the command line: neo4j-csv, neo4j-cypher, graphml, bods, ftm.</summary>
    string Name { get; }

    string Description { get; }

    Task<ExportSummary> WriteAsync(GraphExtract extract, IExportTarget target, CancellationToken ct);
}

/// <summary>What an export wrote, and what the format could not carry.</summary>
public sealed record ExportSummary(IReadOnlyList<string> Files, long Nodes, long Edges, long NodesLeftOut = 0, long EdgesLeftOut = 0);

/// <summary>Files in a folder (created when missing); a single-file format may be given the file's own path.</summary>
public sealed class FolderTarget(string folder, string? singleFile = null) : IExportTarget
{
    public Stream Create(string fileName)
    {
        var path = singleFile ?? Path.Combine(folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
    }
}

/// <summary>Files kept in memory, for answers over the API.</summary>
public sealed class MemoryTarget : IExportTarget
{
    private readonly Dictionary<string, MemoryStream> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, MemoryStream> Files => _files;

    // Note: MemoryStream.ToArray still works after the writer has disposed the stream.
    public Stream Create(string fileName)
    {
        var stream = new MemoryStream();
        _files[fileName] = stream;
        return stream;
    }
}
