using AssetTrace.Graph.Model;
using AssetTrace.Requests.Directory;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>One thing the requested state's law requires that the draft lacks.</summary>
public sealed record ChecklistGap(string Item, string Requirement, string Problem);

/// <summary>
/// Checks a draft against what the requested state requires (reference-data/state-requirements.json)
/// before a supervisor may approve it. Informal requests need only the basics; formal MLA
/// requests need everything the state lists.
/// </summary>
public static class RequestChecklist
{
    private static readonly string[] InformalItems = ["legal_basis", "subjects_identified", "questions"];

    /// <summary>The items the body's own fields answer; every other item of the catalogue is a statement the officer writes.</summary>
    private static readonly string[] BodyItems = ["legal_basis", "offence_description", "link_asset_offence", "questions", "subjects_identified"];

    /// <summary>The checklist items a request's <see cref="RequestBody.Statements"/> may answer (dual_criminality, …).</summary>
    public static IEnumerable<string> StatementItems(RequestCatalogue catalogue) =>
        catalogue.Items.Keys.Except(BodyItems, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public static List<ChecklistGap> Gaps(NetworkRequest request, NetworkInfo network, RequestCatalogue catalogue, IReadOnlyDictionary<string, Node> subjects)
    {
        var items = network.IsFormal ? catalogue.RequirementsOf(request.Route.Jurisdiction) : InformalItems;
        var gaps = new List<ChecklistGap>();
        foreach (var item in items)
        {
            var problem = Problem(item, request.Body, subjects);
            if (problem is not null)
            {
                gaps.Add(new ChecklistGap(item, catalogue.Items.GetValueOrDefault(item, item), problem));
            }
        }
        return gaps;
    }

    private static string? Problem(string item, RequestBody body, IReadOnlyDictionary<string, Node> subjects) => item switch
    {
        "legal_basis" => string.IsNullOrWhiteSpace(body.LegalBasis) ? "no legal basis is given" : null,
        "offence_description" => string.IsNullOrWhiteSpace(body.OffenceDescription) ? "the offence is not described" : null,
        "link_asset_offence" => string.IsNullOrWhiteSpace(body.AssetLink) ? "the link between the assets and the offence is not stated" : null,
        "questions" => body.Questions.Count == 0 && string.IsNullOrWhiteSpace(body.FreeText) ? "no question is asked" : null,
        "subjects_identified" => SubjectProblem(body, subjects),
        _ => body.Statements.TryGetValue(item, out var statement) && !string.IsNullOrWhiteSpace(statement) ? null : "the statement is missing",
    };

    private static string? SubjectProblem(RequestBody body, IReadOnlyDictionary<string, Node> subjects)
    {
        if (body.SubjectIds.Count == 0)
        {
            return "no subject is named";
        }
        var unidentified = body.SubjectIds
            .Where(id => !subjects.TryGetValue(id, out var node) || !Identified(node))
            .Select(id => subjects.TryGetValue(id, out var node) ? node.Name : id)
            .ToList();
        return unidentified.Count == 0 ? null : $"not identified well enough (a person needs a birth date or personal id, a company its registration number): {string.Join("; ", unidentified)}";
    }

    private static bool Identified(Node node) => node.Kind switch
    {
        NodeKind.Person => Has(node, "birthDate") || Has(node, "personalId"),
        NodeKind.Company => Has(node, "registrationNumber"),
        _ => true,
    };

    private static bool Has(Node node, string property) =>
        node.Properties.TryGetProperty(property, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Null;
}
