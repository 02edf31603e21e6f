using System.Globalization;
using AssetTrace.Analytics;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Documents;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.Text;
using AssetTrace.WebConsole.Timeline;

namespace AssetTrace.WebConsole.Dossier;

/// <summary>What a dossier holds, laid out as the blocks the letter renderer prints, and how many restricted facts it shows.</summary>
public sealed record DossierContent(Node Person, Letter Document, int RestrictedFacts);

/// <summary>
/// A person's dossier (#13): identity and identifiers, holdings with the paths that explain them and
/// the source of every hop, and the requests sent about them. It is read with the downloader's
/// viewer through the same services as the API and the console's pages, so a fact restricted to a
/// case they are not on is not in it at all; the restricted facts they may see are marked in words.
/// </summary>
public sealed class DossierComposer(GraphQueries queries, OwnershipAnalytics analytics, EntityTimeline timeline, GraphSchema schema, TimeProvider clock)
{
    /// <summary>Paths shown per holding: the API's default for holdings.</summary>
    public const int PathsPerHolding = 3;

    public async Task<DossierContent> ComposeAsync(Viewer viewer, string personId, DateOnly? asOf, ConsoleText text, CancellationToken ct)
    {
        var t = text.Analyst;
        var person = await queries.GetNodeAsync(viewer, personId, ct) ?? throw new NotFoundException("node", personId);
        if (person.Kind != NodeKind.Person)
        {
            throw new UserInputException("id", t.Format(t.DossierOnlyPersons, person.Name));
        }
        var holdings = await analytics.HoldingsAsync(viewer, personId, false, asOf, PathsPerHolding, ct);
        var paths = holdings.SelectMany(h => h.Paths).ToList();
        var nodes = await queries.GetNodesAsync(viewer, paths.SelectMany(p => p.NodeIds), ct);
        var edges = await queries.GetEdgesAsync(viewer, paths.SelectMany(p => p.EdgeIds), ct);
        var requests = await timeline.RequestsAboutAsync(viewer, personId, ct);

        var restricted = 0;
        string Marks(Provenance provenance)
        {
            var marks = new List<string>();
            if (provenance.CaseId is { } caseId)
            {
                restricted++;
                marks.Add(t.Format(t.MarkRestricted, caseId));
            }
            if (provenance.Received.IsIntelligence)
            {
                marks.Add(t.MarkIntelligence);
            }
            return marks.Count == 0 ? "" : " " + string.Join(" ", marks);
        }

        var blocks = new List<LetterBlock>
        {
            new(BlockKind.Title, t.Format(t.DossierTitle, person.Name)),
            new(BlockKind.Field, viewer.Name, t.DossierPreparedBy),
            new(BlockKind.Field, clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), t.DossierPreparedAt),
            new(BlockKind.Field, asOf is { } day ? AsOfDate.Show(day) : t.DossierToday, t.DossierAsOf),
            new(BlockKind.Paragraph, t.DossierRestrictedNote),
            new(BlockKind.Heading, t.DossierIdentity),
            new(BlockKind.Field, Named(person), text.ColumnName),
            new(BlockKind.Field, $"{person.Kind} · {person.Id}", t.Kind),
            new(BlockKind.Field, Source(person.Provenance) + Marks(person.Provenance), text.Source),
        };
        var (identifiers, properties) = PropertyValues.Split(schema, person);
        blocks.Add(new LetterBlock(BlockKind.Heading, text.Identifiers));
        blocks.AddRange(identifiers.Select(r => new LetterBlock(BlockKind.Field, r.Value, r.Name)));
        blocks.Add(new LetterBlock(BlockKind.Heading, text.Properties));
        blocks.AddRange(properties.Select(r => new LetterBlock(BlockKind.Field, r.Value, r.Name)));

        blocks.Add(new LetterBlock(BlockKind.Heading, t.DossierHoldings));
        if (holdings.Count == 0)
        {
            blocks.Add(new LetterBlock(BlockKind.Paragraph, t.HoldingsNone));
        }
        foreach (var holding in holdings)
        {
            var controlled = holding.Controlled ? $" · {t.Controlled}" : "";
            blocks.Add(new LetterBlock(BlockKind.Item, $"{Named(nodes.GetValueOrDefault(holding.NodeId), holding.Name)} ({holding.Kind}) — {Percent.Range(holding.LowPercent, holding.HighPercent)}{controlled}"));
            foreach (var path in holding.Paths)
            {
                var hops = new List<string> { nodes.GetValueOrDefault(path.NodeIds[0])?.Name ?? path.NodeIds[0] };
                for (var i = 0; i < path.EdgeIds.Count; i++)
                {
                    var edge = edges.GetValueOrDefault(path.EdgeIds[i]);
                    var hop = edge is null ? "→" : $"— {text.Of(edge.Kind)} {PropertyValues.Share(edge.Share)} ({Source(edge.Provenance)}{Marks(edge.Provenance)}) →";
                    hops.Add(hop.Replace("  ", " ", StringComparison.Ordinal));
                    hops.Add(nodes.GetValueOrDefault(path.NodeIds[i + 1])?.Name ?? path.NodeIds[i + 1]);
                }
                blocks.Add(new LetterBlock(BlockKind.Paragraph, $"{t.DossierPath}: {string.Join(" ", hops)}"));
            }
        }

        // Requests belong to a case, so each is marked as restricted to it; only the desk's roles see them at all.
        if (EntityTimeline.MayReadRequests(viewer))
        {
            blocks.Add(new LetterBlock(BlockKind.Heading, t.DossierRequests));
            if (requests.Count == 0)
            {
                blocks.Add(new LetterBlock(BlockKind.Paragraph, t.DossierRequestsNone));
            }
            foreach (var request in requests)
            {
                restricted++;
                var sent = request.Milestones.SentAt is { } at ? " · " + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                blocks.Add(new LetterBlock(BlockKind.Item,
                    $"{request.Number} · {request.Route.Network} · {request.Route.Jurisdiction} · {Codes.Of(request.Progress.Status)}{sent} {t.Format(t.MarkRestricted, request.Route.CaseId)}"));
            }
        }
        var document = new Letter(text.Code, false, t.Format(t.DossierTitle, person.Name), blocks);
        return new DossierContent(person, document, restricted);
    }

    private static string Named(Node node) => Named(node, node.Name);

    private static string Named(Node? node, string name)
    {
        var latin = NameDisplay.Transliteration(name);
        return latin.Length == 0 ? name : $"{name} ({latin})";
    }

    private static string Source(Provenance provenance) =>
        $"{Codes.Of(provenance.Source)}{(provenance.Reference is { Length: > 0 } reference ? ": " + reference : "")}, {provenance.ObtainedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
