using System.Text.Json;
using AssetTrace.Graph.Model;
using GraphQL;

namespace AssetTrace.Api.Inputs;

/// <summary>Turns the parsed input objects of mutations into the drafts and patches the stores take.</summary>
public static class InputReader
{
    public static IDictionary<string, object?> Input(this IResolveFieldContext context) =>
        context.GetArgument<Dictionary<string, object?>>("input");

    public static T? Get<T>(this IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is not null ? (T)value : default;

    /// <summary>A list argument; null when it was not given.</summary>
    public static List<T>? GetList<T>(this IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is System.Collections.IEnumerable items ? items.Cast<T>().ToList() : null;

    public static ProvenanceDraft Provenance(IDictionary<string, object?> input) => new(
        input.Get<SourceKind>("source"),
        input.Get<string>("reference"),
        input.Get<DateTimeOffset?>("obtainedAt"),
        input.Get<UsageRestriction>("restriction"),
        input.ContainsKey("caseId") ? new Optional<string?>(true, input.Get<string>("caseId")) : default);

    public static JsonElement Json(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var value) && value is JsonElement element ? element : JsonSerializer.SerializeToElement(new { });

    public static Patch Patch(IDictionary<string, object?> input) => new(
        input.Get<string>("id")!,
        input.Get<string>("reason") ?? "",
        input.TryGetValue("properties", out var p) && p is JsonElement properties ? properties : null,
        input.ContainsKey("validFrom") ? new Optional<DateOnly?>(true, input.Get<DateOnly?>("validFrom")) : default,
        input.ContainsKey("validTo") ? new Optional<DateOnly?>(true, input.Get<DateOnly?>("validTo")) : default,
        input.TryGetValue("provenance", out var prov) && prov is IDictionary<string, object?> provenance ? Provenance(provenance) : null,
        input.Get<int?>("expectedVersion"));
}
