using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;

namespace AssetTrace.Demo;

/// <summary>
/// Loads the fictional demo case (Demo/demo-case.json) once, through the same stores and
/// checks as any user's input, so its facts carry provenance and audit entries like any other.
/// What the networks answered is restricted to the case, as the request desk does for real answers.
/// </summary>
public sealed class DemoCase(GraphStore graph, GraphQueries queries, CaseStore cases, ILogger<DemoCase> logger)
{
    public const string CaseId = "demo-case";
    private static readonly Viewer Actor = Viewer.System("demo-loader");

    public async Task LoadOnceAsync(CancellationToken ct)
    {
        if (await cases.GetAsync(Actor, CaseId, ct) is not null)
        {
            return;
        }
        using var document = await JsonDocument.ParseAsync(Open(), cancellationToken: ct);
        var root = document.RootElement;
        // The case first: the facts the networks gave are restricted to it.
        var c = root.GetProperty("case");
        await cases.CreateAsync(new CaseDraft(c.GetProperty("number").GetString()!, c.GetProperty("title").GetString()!, c.GetProperty("crimeType").GetString()!,
            c.GetProperty("team").EnumerateArray().Select(t => t.GetString()!).ToList(), Date(c, "openedOn"), CaseId), Actor, ct);
        foreach (var node in root.GetProperty("nodes").EnumerateArray())
        {
            if (await queries.GetNodeAsync(Actor, node.GetProperty("id").GetString()!, ct) is null)
            {
                await graph.CreateNodeAsync(new NodeDraft(Codes.ParseNodeKind(node.GetProperty("kind").GetString()!),
                    node.GetProperty("properties").Clone(), Provenance(node), Id: node.GetProperty("id").GetString()), Actor, ct);
            }
        }
        foreach (var edge in root.GetProperty("edges").EnumerateArray())
        {
            if (await queries.GetEdgeAsync(Actor, edge.GetProperty("id").GetString()!, ct) is null)
            {
                await graph.CreateEdgeAsync(new EdgeDraft(Codes.ParseEdgeKind(edge.GetProperty("kind").GetString()!),
                    edge.GetProperty("sourceId").GetString()!, edge.GetProperty("targetId").GetString()!, edge.GetProperty("properties").Clone(),
                    Provenance(edge), Date(edge, "validFrom"), Date(edge, "validTo"), edge.GetProperty("id").GetString()), Actor, ct);
            }
        }
        foreach (var subject in c.GetProperty("subjects").EnumerateArray())
        {
            await cases.AddSubjectAsync(CaseId, subject[0].GetString()!, subject[1].GetString()!, Actor, ct);
        }
        logger.LogInformation("Loaded the demo case {Number}: search for \"Akhmetov\" to start.", c.GetProperty("number").GetString());
    }

    private static Stream Open() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("AssetTrace.Demo.demo-case.json")
        ?? throw new InvalidOperationException("The demo case resource is missing from the build.");

    private static ProvenanceDraft Provenance(JsonElement element)
    {
        var p = element.GetProperty("provenance");
        var source = Codes.Parse<SourceKind>(p.GetProperty("source").GetString()!);
        return new ProvenanceDraft(source, p.GetProperty("reference").GetString(),
            DateTimeOffset.Parse(p.GetProperty("obtainedAt").GetString()!, CultureInfo.InvariantCulture), Codes.Parse<UsageRestriction>(p.GetProperty("restriction").GetString()!),
            source == SourceKind.NetworkAnswer ? CaseId : null);
    }

    private static DateOnly? Date(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
