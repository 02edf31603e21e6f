using System.Text.Json.Nodes;
using AssetTrace.Graph.Model;
using AssetTrace.Matching;

namespace AssetTrace.Interchange.Merges;

/// <summary>A merge suggestion's explanation as stored: the matcher's reasons as a JSON array of {query, matched, how, score}.</summary>
public static class MergeExplanation
{
    public static string ToJson(IEnumerable<MatchReason> reasons) =>
        new JsonArray([.. reasons.Select(r => (JsonNode)new JsonObject
        {
            ["query"] = r.Query,
            ["matched"] = r.Candidate,
            ["how"] = Codes.Of(r.How),
            ["score"] = r.Score,
        })]).ToJsonString();

    public static IReadOnlyList<MatchReason> FromJson(string? json) =>
        json is null ? [] : [.. JsonNode.Parse(json)!.AsArray().Select(r => new MatchReason(
            r!["query"]?.GetValue<string>(), r["matched"]?.GetValue<string>(), Codes.Parse<MatchHow>(r["how"]!.GetValue<string>()), r["score"]!.GetValue<double>()))];
}
