using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Interchange;

/// <summary>How far an import from the console has come: the upload first, then the records read.</summary>
/// <param name="Receiving">Still receiving the file from the browser.</param>
public readonly record struct ConsoleImportProgress(bool Receiving, long Bytes, long TotalBytes, long Records);

/// <summary>
/// Imports a file uploaded in the console through the same <see cref="InterchangeImporter"/> as the API and
/// the command line, as one run audited under the user (<c>import.completed</c> or <c>import.failed</c>).
/// The upload is kept in a temporary file first: the importer reads a file with its length, so it reports
/// records read and bytes of the total as it goes, and the browser's stream is not read while a
/// transaction is open. The temporary file is deleted afterwards, whatever happened.
/// </summary>
public sealed class ConsoleImport(InterchangeImporter importer)
{
    /// <summary>Larger files are imported with the command line, which reads them from disk.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    private const int ChunkBytes = 256 * 1024;

    public IReadOnlyList<IImportFormat> Formats => importer.Formats;

    public async Task<ImportReport> ImportAsync(Viewer viewer, string format, string fileName, long size, Func<long, CancellationToken, Stream> open,
        bool strict, UsageRestriction restriction, IProgress<ConsoleImportProgress> progress, CancellationToken ct)
    {
        InterchangeRoles.Require(viewer, "Importing a file");
        importer.Format(format);
        if (size > MaxUploadBytes)
        {
            throw new UserInputException("file", $"'{fileName}' is over {MaxUploadBytes / 1048576} MiB; import it with the command line: assettrace import {format} <file>.");
        }
        var folder = Directory.CreateTempSubdirectory("assettrace-import-");
        try
        {
            // The file's own name: provenance keeps it, and ICIJ tells its files apart by it.
            var name = Path.GetFileName(fileName) is { Length: > 0 } plain && plain is not ("." or "..") ? plain : "upload";
            var path = Path.Combine(folder.FullName, name);
            await ReceiveAsync(open(MaxUploadBytes, ct), path, size, progress, ct);
            var reading = new Relay<ImportProgress>(p => progress.Report(new ConsoleImportProgress(false, p.BytesRead, p.TotalBytes ?? size, p.Records)));
            var options = new ImportOptions(viewer.Name, strict, restriction);
            // Parsing and writing are the long part: off the console's circuit, so its progress is drawn meanwhile.
            return await Task.Run(() => importer.ImportPathsAsync(format, [path], options, reading, ct), ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ReceiveAsync(Stream upload, string path, long size, IProgress<ConsoleImportProgress> progress, CancellationToken ct)
    {
        await using var source = upload;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkBytes, FileOptions.Asynchronous);
        var buffer = new byte[ChunkBytes];
        long received = 0;
        int n;
        while ((n = await source.ReadAsync(buffer, ct)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, n), ct);
            received += n;
            progress.Report(new ConsoleImportProgress(true, received, size, 0));
        }
    }

    /// <summary>Passes each report on as it comes (Progress&lt;T&gt; would post it to a context first).</summary>
    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
