using System.Text.Json;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Sources;

namespace AssetTrace.UnitTests.Watch;

/// <summary>The JSON reader (#15) on a registry API's answer as such APIs shape it, and on hostile input.</summary>
public sealed class JsonExtractorTests
{
    private static RecordMapping Mapping(string? item) => new(item, "Person",
        new Dictionary<string, string> { ["name"] = "name", ["id"] = "id", ["city"] = "address.city" }, ["name"], [], ["id"], null);

    private const string RegistryAnswer = """
        {
          "meta": { "page": 1, "pages": 7, "generated": "2026-11-30T08:00:00Z" },
          "data": {
            "results": [
              { "id": "KZ-000123", "name": "  Serik\n  Achmetov ", "address": { "city": "Almaty", "street": "Abai 1" }, "tags": ["pep"] },
              { "id": 124, "name": { "first": "an", "last": "object" }, "address": null },
              { "nothing": "mapped" },
              "a bare string",
              { "id": "", "name": "Айгерим Сапарова", "address": { "city": ["not", "a", "string"] } }
            ]
          }
        }
        """;

    [Fact]
    public void Each_record_keeps_its_values_text_cleaned_and_the_JSON_path_of_each()
    {
        var records = JsonExtractor.Extract(RegistryAnswer, Mapping("data.results")).Records;

        Assert.Equal(["$.data.results[0]", "$.data.results[1]", "$.data.results[4]"], records.Select(r => r.Element));
        var first = records[0];
        Assert.Equal([("name", "Serik Achmetov", "$.data.results[0].name"), ("id", "KZ-000123", "$.data.results[0].id"), ("city", "Almaty", "$.data.results[0].address.city")],
            first.Values.Select(v => (v.Property, v.Text, v.Element)));
        // Numbers are read as text; objects, arrays, nulls and empty strings are not values.
        Assert.Equal([("id", "124")], records[1].Values.Select(v => (v.Property, v.Text)));
        Assert.Equal([("name", "Айгерим Сапарова")], records[2].Values.Select(v => (v.Property, v.Text)));
    }

    [Theory]
    [InlineData("data.missing")]
    [InlineData("meta")]
    [InlineData("meta.page")]
    public void An_item_path_that_is_not_an_array_gives_no_records(string item) =>
        Assert.Empty(JsonExtractor.Extract(RegistryAnswer, Mapping(item)).Records);

    [Fact]
    public void A_root_array_is_read_without_an_item_path() =>
        Assert.Equal(["$[0].id", "$[1].name"], JsonExtractor.Extract("""[{"id":"1"},{"name":"Serik Achmetov"}]""", Mapping(null)).Records.SelectMany(r => r.Values).Select(v => v.Element));

    [Theory]
    [InlineData("{\"data\": {\"results\": [ {\"name\": \"unterminated }]}}")]
    [InlineData("{\"data\": {\"results\": [ {\"name\": \"a\"}, ]}}")]
    [InlineData("<html><body>not json at all</body></html>")]
    [InlineData("")]
    public void Malformed_JSON_is_refused_as_JSON(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonExtractor.Extract(json, Mapping("data.results")));

    [Fact]
    public void Nesting_past_64_levels_is_refused_before_it_is_walked()
    {
        var deep = "{\"data\":{\"results\":" + new string('[', 100_000) + new string(']', 100_000) + "}}";
        var refused = Assert.ThrowsAny<JsonException>(() => JsonExtractor.Extract(deep, Mapping("data.results")));
        Assert.Contains("64", refused.Message, StringComparison.Ordinal);
    }
}
