using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;

namespace AssetTrace.Requests.Documents;

/// <summary>A rendered letter: its subject, the text for the e-mail body, and the PDF.</summary>
public sealed record RenderedLetter(string Language, string Subject, string Text, byte[] Pdf, IReadOnlyList<WithheldFact> Withheld)
{
    public string FileName(string number) => $"{number}-{Language}.pdf";
}

/// <summary>
/// Gathers what a letter needs from the stores and renders it in the request's languages. For a
/// formal MLA request, facts whose provider has not consented are withheld (the consent ledger).
/// </summary>
public sealed class RequestDocuments(
    NetworkDirectory directory, CaseStore cases, GraphQueries graph, ConsentLedger consents, LetterComposer composer)
{
    public async Task<List<RenderedLetter>> RenderAsync(NetworkRequest request, CancellationToken ct)
    {
        var context = await ContextAsync(request, ct);
        var withheld = context.Withheld;
        using var pdf = new PdfLetterRenderer();
        return [.. request.Body.Languages.Select(language =>
        {
            var letter = composer.Compose(context.Letter, language);
            return new RenderedLetter(language, letter.Subject, letter.ToText(), pdf.Render(letter, letter.Subject), withheld);
        })];
    }

    /// <summary>The letters as they would read, without their PDFs: what the console's composer previews before a draft is saved.</summary>
    public async Task<List<Letter>> ComposeAsync(NetworkRequest request, CancellationToken ct)
    {
        var context = await ContextAsync(request, ct);
        return [.. request.Body.Languages.Select(language => composer.Compose(context.Letter, language))];
    }

    private async Task<(LetterContext Letter, List<WithheldFact> Withheld)> ContextAsync(NetworkRequest request, CancellationToken ct)
    {
        var network = await directory.NetworkAsync(request.Route.Network, "network", ct);
        var contact = await directory.ContactPointAsync(request.Route.ContactPointId, ct) ?? throw new NotFoundException("contact point", request.Route.ContactPointId);
        // A letter carries open facts and its own case's, never another case's, whoever renders it.
        var scope = Viewer.ForCase(request.Route.CaseId);
        var @case = await cases.GetAsync(scope, request.Route.CaseId, ct) ?? throw new NotFoundException("case", request.Route.CaseId);
        var subjects = await graph.GetNodesAsync(scope, request.Body.SubjectIds, ct);
        var edges = (await graph.EdgesOfAsync(scope, [.. subjects.Keys], null, Direction.Both, null, ct))
            .Where(e => e.Kind is not EdgeKind.FamilyOf and not EdgeKind.AssociateOf)
            .ToList();
        var ends = await graph.GetNodesAsync(scope, edges.SelectMany(e => new[] { e.SourceId, e.TargetId }), ct);
        var withheld = network.IsFormal ? await consents.WithheldAsync([], edges, ct) : [];
        var blocked = withheld.Select(w => w.EntityId).ToHashSet();
        var facts = edges
            .Where(e => !blocked.Contains(e.Id) && ends.ContainsKey(e.SourceId) && ends.ContainsKey(e.TargetId))
            .Select(e => (e, ends[e.SourceId], ends[e.TargetId]))
            .ToList();
        var ordered = request.Body.SubjectIds.Where(subjects.ContainsKey).Select(id => subjects[id]).ToList();
        return (new LetterContext(request, network, contact, @case, ordered, facts, withheld.Count > 0), withheld);
    }
}
