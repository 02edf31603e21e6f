using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Interchange.Export;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Interchange;

/// <summary>
/// Exports from the console through the same <see cref="InterchangeExporter"/> as the command line, under
/// the user's viewer, so restricted facts the user may not see never reach the file. The files are written
/// to a temporary folder (a format with several files is zipped into one download), and the export is
/// audited as <c>export.completed</c> under the user, with the file's SHA-256, before it is handed over.
/// </summary>
public sealed class ConsoleExport(InterchangeExporter exporter, Database database, AuditLog audit)
{
    public IReadOnlyList<IGraphExporter> Formats => exporter.Formats;

    /// <param name="written">Bytes written so far, over all files.</param>
    public async Task<ConsoleExportFile> ExportAsync(Viewer viewer, string format, ExportScope scope, bool forCourt, IProgress<long> written, CancellationToken ct)
    {
        InterchangeRoles.Require(viewer, "Exporting the graph");
        exporter.Format(format);
        var folder = Directory.CreateTempSubdirectory("assettrace-export-");
        try
        {
            var files = Path.Combine(folder.FullName, "files");
            var target = new MeteredExportTarget(new FolderTarget(files), written);
            var summary = await Task.Run(() => exporter.ExportAsync(viewer, format, scope, target, ct, forCourt), ct);
            var paths = Directory.GetFiles(files, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var download = paths.Count == 1 ? paths[0] : Path.Combine(folder.FullName, $"{format}-export.zip");
            if (paths.Count != 1)
            {
                await ZipFile.CreateFromDirectoryAsync(files, download, CompressionLevel.Optimal, includeBaseDirectory: false, ct);
            }
            var file = new ConsoleExportFile(folder.FullName, download, Path.GetFileName(download), new FileInfo(download).Length, summary);
            await AuditAsync(viewer, format, scope, forCourt, file, ct);
            return file;
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    private async Task AuditAsync(Viewer viewer, string format, ExportScope scope, bool forCourt, ConsoleExportFile file, CancellationToken ct)
    {
        string sha256;
        await using (var stream = File.OpenRead(file.Path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        }
        var summary = file.Summary;
        var details = JsonSerializer.Serialize(new
        {
            format,
            scope = new { caseId = scope.CaseId, nodeId = scope.NodeId, hops = scope.CaseId is null && scope.NodeId is null ? (int?)null : scope.Hops },
            forCourt,
            files = new[] { new { name = file.Name, bytes = file.Bytes, sha256 } },
            counts = new { nodes = summary.Nodes, edges = summary.Edges, nodesLeftOut = summary.NodesLeftOut, edgesLeftOut = summary.EdgesLeftOut },
        });
        await database.WriteAsync(async (c, t) =>
        {
            await audit.AppendAsync(c, t, new AuditRecord(viewer.Name, "export.completed", $"export/{Guid.CreateVersion7()}", null, details,
                $"{format} export of the {scope} from the web console"), ct);
            return true;
        }, ct);
    }
}

/// <summary>An export ready to download; disposing it deletes its temporary folder.</summary>
public sealed record ConsoleExportFile(string Folder, string Path, string Name, long Bytes, ExportSummary Summary) : IDisposable
{
    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
