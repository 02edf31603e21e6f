using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>The composer's fields, as the officer fills them in, and the draft they make.</summary>
public sealed class DraftForm
{
    public string CaseId { get; set; } = "";
    public string Network { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string ContactPointId { get; set; } = "";
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public string? FreeText { get; set; }
    public string LegalBasis { get; set; } = "";
    public string OffenceDescription { get; set; } = "";
    public string? AssetLink { get; set; }
    public string Confidentiality { get; set; } = RequestBody.DefaultConfidentiality;
    public string? Restrictions { get; set; }

    /// <summary>Subject ids in the order chosen, with the names they were chosen by.</summary>
    public List<(string Id, string Name)> Subjects { get; } = [];

    public HashSet<string> Questions { get; } = new(StringComparer.Ordinal);

    /// <summary>The letter's languages in the order ticked: the first is the main one.</summary>
    public List<string> Languages { get; } = [];

    public Dictionary<string, string> Statements { get; } = new(StringComparer.Ordinal);

    public RequestBody Body() => new(
        [.. Subjects.Select(s => s.Id)],
        [.. Questions.Order(StringComparer.Ordinal)],
        Trimmed(FreeText),
        LegalBasis.Trim(),
        OffenceDescription.Trim(),
        Trimmed(AssetLink),
        string.IsNullOrWhiteSpace(Confidentiality) ? RequestBody.DefaultConfidentiality : Confidentiality.Trim(),
        Trimmed(Restrictions),
        [.. Languages],
        Statements.Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToDictionary(s => s.Key, s => s.Value.Trim(), StringComparer.Ordinal));

    public RequestDraftInput Input() =>
        new(CaseId, Network, Jurisdiction, ContactPointId.Length == 0 ? null : ContactPointId, Urgency, Body());

    /// <summary>The form of a saved draft, to edit it.</summary>
    public static DraftForm Of(NetworkRequest request, IReadOnlyDictionary<string, string> subjectNames)
    {
        var body = request.Body;
        var form = new DraftForm
        {
            CaseId = request.Route.CaseId,
            Network = request.Route.Network,
            Jurisdiction = request.Route.Jurisdiction,
            ContactPointId = request.Route.ContactPointId,
            Urgency = request.Progress.Urgency,
            FreeText = body.FreeText,
            LegalBasis = body.LegalBasis,
            OffenceDescription = body.OffenceDescription,
            AssetLink = body.AssetLink,
            Confidentiality = body.Confidentiality,
            Restrictions = body.Restrictions,
        };
        form.Subjects.AddRange(body.SubjectIds.Select(id => (id, subjectNames.GetValueOrDefault(id, id))));
        form.Questions.UnionWith(body.Questions);
        form.Languages.AddRange(body.Languages);
        foreach (var (item, statement) in body.Statements)
        {
            form.Statements[item] = statement;
        }
        return form;
    }

    public void Toggle(string language, bool on)
    {
        Languages.Remove(language);
        if (on)
        {
            Languages.Add(language);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
