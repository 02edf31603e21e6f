using System.CommandLine;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Interchange.Export;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace export &lt;format&gt; &lt;output&gt; [--case id | --node id] [--hops k]</c>: the output is a folder,
/// or for single-file formats may be the file's path. The files are staged and moved into place only
/// when the export has succeeded, together with an <c>export.completed</c> audit entry naming the shell
/// user (<see cref="ShellActor"/>), the format, the scope, and each file with its SHA-256 (#11).
/// </summary>
public static class ExportCommands
{
    /// <param name="start">Where the user typed the command: a relative output is written there (#12).</param>
    public static Command Create(StartDirectory start)
    {
        var format = new Argument<string>("format") { Description = "neo4j-csv, neo4j-cypher, graphml, bods or ftm." };
        var output = new Argument<string>("output") { Description = "A folder (created when missing); for one-file formats also a file path such as graph.graphml." };
        var caseId = new Option<string?>("--case") { Description = "Export a case: its subjects and what lies within --hops of them." };
        var nodeId = new Option<string?>("--node") { Description = "Export the neighbourhood of this node within --hops." };
        var hops = new Option<int>("--hops") { Description = "Hops around the case subjects or the node (0–6).", DefaultValueFactory = _ => 1 };
        var forCourt = new Option<bool>("--for-court") { Description = "Mark the export for court: refused while it holds network or FIU facts without the provider's consent." };
        var command = new Command("export", "Export the whole graph, a case, or a node's neighbourhood; audited under the operating-system user and host.")
        {
            format, output, caseId, nodeId, hops, forCourt,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var exporter = services.GetRequiredService<InterchangeExporter>();
            var path = start.Resolve(parse.GetValue(output)!);
            var singleFile = !Directory.Exists(path) && Path.HasExtension(path) && parse.GetValue(format) != "neo4j-csv" ? path : null;
            var scope = new ExportScope(parse.GetValue(caseId), parse.GetValue(nodeId), parse.GetValue(hops));
            using var target = new StagedExportTarget(path, singleFile);
            try
            {
                var summary = await exporter.ExportAsync(Viewer.System(ShellActor.Current()), parse.GetValue(format)!, scope, target, ct, parse.GetValue(forCourt));
                await PlaceAndAuditAsync(services, target, parse.GetValue(format)!, scope, parse.GetValue(forCourt), summary, ct);
                Console.WriteLine($"Exported {summary.Nodes} nodes and {summary.Edges} edges ({scope}) to {singleFile ?? path}: {string.Join(", ", summary.Files)}.");
                if (summary.NodesLeftOut + summary.EdgesLeftOut > 0)
                {
                    Console.WriteLine($"Left out, as the format cannot carry them: {summary.NodesLeftOut} nodes, {summary.EdgesLeftOut} edges.");
                }
                return 0;
            }
            catch (Common.UserInputException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }
                Console.Error.WriteLine("Nothing was exported.");
                return 2;
            }
            catch (Common.NotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine("Nothing was exported.");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"The export could not be written to {singleFile ?? path}: {e.Message}");
                Console.Error.WriteLine("Nothing was exported.");
                return 1;
            }
        });
        return command;
    }

    /// <summary>
    /// Moves the files into place and appends the audit entry in one transaction: when the entry cannot be
    /// written the files are taken back, so no export leaves the system unrecorded, and none is recorded
    /// that did not happen. A failed export writes no entry: it disclosed nothing, and the log records what was done.
    /// </summary>
    private static async Task PlaceAndAuditAsync(IServiceProvider services, StagedExportTarget target, string format, ExportScope scope, bool forCourt,
        ExportSummary summary, CancellationToken ct)
    {
        var files = await target.DescribeAsync(ct);
        var actor = ShellActor.Current();
        var details = JsonSerializer.Serialize(new
        {
            format,
            scope = new { caseId = scope.CaseId, nodeId = scope.NodeId, hops = scope.CaseId is null && scope.NodeId is null ? (int?)null : scope.Hops },
            forCourt,
            files = files.Select(f => new { name = f.Path, bytes = f.Bytes, sha256 = f.Sha256 }),
            counts = new { nodes = summary.Nodes, edges = summary.Edges, nodesLeftOut = summary.NodesLeftOut, edgesLeftOut = summary.EdgesLeftOut },
        });
        try
        {
            await services.GetRequiredService<Database>().WriteAsync(async (c, t) =>
            {
                target.Place();
                await services.GetRequiredService<AuditLog>().AppendAsync(c, t,
                    new AuditRecord(actor, "export.completed", $"export/{Guid.CreateVersion7()}", null, details, $"{format} export of the {scope} from the shell"), ct);
                return true;
            }, ct);
        }
        catch
        {
            target.Unplace();
            throw;
        }
    }
}
