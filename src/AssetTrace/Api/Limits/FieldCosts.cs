namespace AssetTrace.Api.Limits;

/// <summary>
/// The one table of what fields cost (#11), keyed by "Type.field" as in the schema.
/// <see cref="FieldCostVisitor"/> applies it to the schema when it is built, so resolvers need
/// not know about it. Every other field keeps GraphQL.NET 8's default: 1 for the field, and
/// what is selected inside a list multiplied by 5, or by its <c>first</c>/<c>last</c> argument,
/// or by 1 when the field has an <c>id</c> argument. That last rule is why 500 aliases of
/// <c>requestLetters(id:) { pdfBase64 }</c> once scored 2 each: the PDFs they rendered cost nothing.
/// </summary>
public static class FieldCosts
{
    /// <summary>PDF letters: SkiaSharp with HarfBuzz shaping renders one PDF per language, hundreds of KB each.</summary>
    private const double PdfRendering = 2_000;

    /// <summary>An ownership or path analysis on the snapshot: walks thousands of links per call.</summary>
    private const double Analysis = 300;

    /// <summary>A chain of evidence: nodes and edges with their provenance, read from the store.</summary>
    private const double Chain = 20;

    public static readonly IReadOnlyDictionary<string, FieldCost> Table = new Dictionary<string, FieldCost>(StringComparer.Ordinal)
    {
        // Every letter is rendered as PDF whether or not pdfBase64 is selected; six UN languages at most.
        ["Query.requestLetters"] = new(PdfRendering, ListSize.Of(6), MaxAliases: 1, Expensive: true),
        ["Letter.pdfBase64"] = new(500, MaxAliases: 1),
        // The roster (#16): a notice PDF; the court application's holdings with paths; wealth of every person seen; a stored document's bytes.
        ["Query.rosterNoticePdf"] = new(PdfRendering, MaxAliases: 1, Expensive: true),
        ["Query.rosterCourtApplication"] = new(Analysis, MaxAliases: 1, Expensive: true),
        ["Query.rosterCandidates"] = new(Analysis * 3, ListSize.Of(20), MaxAliases: 1, Expensive: true),
        ["Query.rosterDocumentContent"] = new(500, MaxAliases: 1),

        ["Query.beneficialOwners"] = new(Analysis, ListSize.Of(10), MaxAliases: 3, Expensive: true),
        ["BeneficialOwner.paths"] = new(Chain, ListSize.FromParentArgument("maxPaths", 5)),
        ["Query.owners"] = new(Analysis, ListSize.Of(20), MaxAliases: 3, Expensive: true),
        ["OwnerShare.paths"] = new(Chain, ListSize.FromParentArgument("maxPaths", 5)),
        ["Query.holdings"] = new(Analysis, ListSize.Of(20), MaxAliases: 3, Expensive: true),
        ["Holding.paths"] = new(Chain, ListSize.FromParentArgument("maxPaths", 3)),
        ["Query.shortestPaths"] = new(Analysis, ListSize.FromArgument("maxPaths", 10), MaxAliases: 3, Expensive: true),
        // Up to three hops of a national graph: hundreds of nodes and edges, one query per level.
        ["Query.neighbourhood"] = new(Analysis, MaxAliases: 3, Expensive: true),
        ["Subgraph.nodes"] = new(1, ListSize.Of(100)),
        ["Subgraph.edges"] = new(1, ListSize.Of(100)),
        ["Query.connectedPersons"] = new(Analysis / 3, ListSize.Of(20), MaxAliases: 3),
        ["Query.wealth"] = new(Analysis / 3, MaxAliases: 3),
        ["Query.redFlags"] = new(Analysis / 3, ListSize.Of(10), MaxAliases: 3),
        // The assistant runs every rule of a playbook (holdings of each subject and their circle) on the snapshot (#17).
        ["Query.recommendations"] = new(Analysis, MaxAliases: 3, Expensive: true),
        // Up to 10,000 lookups and an analysis of each match: priced as many analyses, one per request and rate-limited.
        // Its rows are bounded by their own limit (ScreenRowChecks), not by the estimate, so they count once.
        ["Query.screen"] = new(Analysis * 20, MaxAliases: 1, Expensive: true),
        ["ScreeningResult.rows"] = new(1, ListSize.Of(1)),
        ["ScreenedRow.matches"] = new(1, ListSize.Of(Matching.Screening.ScreenRowChecks.MaxTop)),

        // An import reads and writes up to a request body's worth of records in one transaction.
        ["Mutation.importFile"] = new(5_000, MaxAliases: 1, Expensive: true),
        ["Query.mergeSuggestions"] = new(1, ListSize.FromArgument("first", 100)),

        // Pages without an explicit first return the default page size, not five.
        ["NodePage.nodes"] = new(1, ListSize.FromParentArgument("first", 25)),
        ["NodePage.results"] = new(1, ListSize.FromParentArgument("first", 25)),
        ["NeighbourPage.items"] = new(1, ListSize.FromParentArgument("first", 25)),
        ["Query.auditLog"] = new(1, ListSize.FromArgument("first", 25)),
    };

    /// <summary>The cost of a field, or null when it has none of its own.</summary>
    public static FieldCost? Of(string typeName, string fieldName) =>
        Table.GetValueOrDefault(typeName + "." + fieldName);
}
