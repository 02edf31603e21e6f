using System.CommandLine;
using AssetTrace.Interchange.Export;
using AssetTrace.Storage;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace export &lt;format&gt; &lt;output&gt; [--case id | --node id] [--hops k]</c>: the output is a folder,
/// or for single-file formats may be the file's path.
/// </summary>
public static class ExportCommands
{
    public static Command Create()
    {
        var format = new Argument<string>("format") { Description = "neo4j-csv, neo4j-cypher, graphml, bods or ftm." };
        var output = new Argument<string>("output") { Description = "A folder (created when missing); for one-file formats also a file path such as graph.graphml." };
        var caseId = new Option<string?>("--case") { Description = "Export a case: its subjects and what lies within --hops of them." };
        var nodeId = new Option<string?>("--node") { Description = "Export the neighbourhood of this node within --hops." };
        var hops = new Option<int>("--hops") { Description = "Hops around the case subjects or the node (0–6).", DefaultValueFactory = _ => 1 };
        var forCourt = new Option<bool>("--for-court") { Description = "Mark the export for court: refused while it holds network or FIU facts without the provider's consent." };
        var command = new Command("export", "Export the whole graph, a case, or a node's neighbourhood.") { format, output, caseId, nodeId, hops, forCourt };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            var exporter = services.GetRequiredService<InterchangeExporter>();
            var path = parse.GetValue(output)!;
            var singleFile = !Directory.Exists(path) && Path.HasExtension(path) && parse.GetValue(format) != "neo4j-csv" ? path : null;
            try
            {
                var scope = new ExportScope(parse.GetValue(caseId), parse.GetValue(nodeId), parse.GetValue(hops));
                var summary = await exporter.ExportAsync(Visibility.Viewer.System("shell"), parse.GetValue(format)!, scope, new FolderTarget(path, singleFile), ct, parse.GetValue(forCourt));
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
                return 2;
            }
            catch (Common.NotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }
}
