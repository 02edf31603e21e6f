using System.Runtime.CompilerServices;
using AssetTrace.Common;

namespace AssetTrace.Interchange.Import;

/// <summary>Imports files of a named format into the graph through <see cref="GraphBulkWriter"/>: one run, one transaction.</summary>
public sealed class InterchangeImporter(GraphBulkWriter writer, IEnumerable<IImportFormat> formats)
{
    public IReadOnlyList<IImportFormat> Formats { get; } = [.. formats.OrderBy(f => f.Name, StringComparer.Ordinal)];

    public IImportFormat Format(string name) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserInputException("format", $"'{name}' is not an import format; use one of {string.Join(", ", Formats.Select(f => f.Name))}.");

    /// <summary>Imports files (or every file of a folder) in one run.</summary>
    public Task<ImportReport> ImportPathsAsync(string formatName, IReadOnlyList<string> paths, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var format = Format(formatName);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UserInputException("file", $"'{path}' does not exist.");
            }
        }
        var ordered = format.Order(files).ToList();
        var name = ordered.Count == 1 ? Path.GetFileName(ordered[0]) : string.Join("+", ordered.Select(Path.GetFileName));
        var read = new List<ImportedFile>();
        return writer.WriteAsync(format.Name, name, ReadAllAsync(format, ordered, read, progress, ct), () => read, options, ct);
    }

    /// <summary>Imports one uploaded file.</summary>
    public Task<ImportReport> ImportStreamAsync(string formatName, string fileName, Stream stream, ImportOptions options, CancellationToken ct)
    {
        var format = Format(formatName);
        var read = new List<ImportedFile>();
        return writer.WriteAsync(format.Name, fileName, ReadOneAsync(format, fileName, stream, null, read, null, ct), () => read, options, ct);
    }

    private static async IAsyncEnumerable<ImportItem> ReadAllAsync(IImportFormat format, List<string> paths, List<ImportedFile> read,
        IProgress<ImportProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var path in paths)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await foreach (var item in ReadOneAsync(format, Path.GetFileName(path), stream, stream.Length, read, progress, ct))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<ImportItem> ReadOneAsync(IImportFormat format, string name, Stream stream, long? length, List<ImportedFile> read,
        IProgress<ImportProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var metered = new MeteredStream(stream, name, length, progress);
        await foreach (var item in format.ReadAsync(name, metered, ct))
        {
            metered.Records++;
            yield return item;
        }
        read.Add(metered.Finish());
        progress?.Report(new ImportProgress(name, metered.Position, length, metered.Records));
    }
}
