namespace AssetTrace.Interchange.Import;

/// <summary>A file format that can be imported: it turns a file into import items and knows nothing of the store.</summary>
public interface IImportFormat
{
    /// <summary>The name on the command line and in provenance references: bods, ftm, icij, un-sanctions.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>The order in which the files of one run are read (ICIJ: node files before relationships).</summary>
    IEnumerable<string> Order(IEnumerable<string> files) => files.Order(StringComparer.Ordinal);

    IAsyncEnumerable<ImportItem> ReadAsync(string fileName, Stream stream, CancellationToken ct);
}
