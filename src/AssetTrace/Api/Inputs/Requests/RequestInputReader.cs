using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Api.Inputs.Requests;

/// <summary>Turns request inputs into the desk's records.</summary>
public static class RequestInputReader
{
    // The request supplies the real provenance; this placeholder is replaced before anything is written.
    private static readonly ProvenanceDraft FromRequest = new(SourceKind.NetworkAnswer, null, null, UsageRestriction.IntelligenceOnly);

    public static RequestBody Body(IDictionary<string, object?> b) => new(
        b.GetList<string>("subjectIds") ?? [],
        b.GetList<string>("questions") ?? [],
        b.Get<string>("freeText"),
        b.Get<string>("legalBasis") ?? "",
        b.Get<string>("offenceDescription") ?? "",
        b.Get<string>("assetLink"),
        b.Get<string>("confidentiality") ?? RequestBody.DefaultConfidentiality,
        b.Get<string>("restrictions"),
        b.GetList<string>("languages") ?? [],
        b.TryGetValue("statements", out var s) && s is JsonElement { ValueKind: JsonValueKind.Object } statements
            ? statements.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : []);

    public static NodeDraft Node(IDictionary<string, object?> n) => new(n.Get<NodeKind>("kind"), InputReader.Json(n, "properties"), FromRequest,
        n.Get<DateOnly?>("validFrom"), n.Get<DateOnly?>("validTo"), n.Get<string>("id"));

    public static EdgeDraft Edge(IDictionary<string, object?> e) => new(e.Get<EdgeKind>("kind"), e.Get<string>("sourceId")!, e.Get<string>("targetId")!,
        InputReader.Json(e, "properties"), FromRequest, e.Get<DateOnly?>("validFrom"), e.Get<DateOnly?>("validTo"), e.Get<string>("id"));
}
