using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.UnitTests.Schema;

public sealed class GraphInputValidatorTests
{
    private static readonly GraphInputValidator Validator = new(GraphSchema.Load(GraphSchema.DefaultDirectory));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private static IEnumerable<string> FieldsOf(Action action) =>
        Assert.Throws<UserInputException>(action).Errors.Select(e => e.Field);

    /// <summary>The fields a validation names, none when it passes: a check on the result, not only that nothing was thrown.</summary>
    private static List<string> Problems(Action action)
    {
        try
        {
            action();
            return [];
        }
        catch (UserInputException e)
        {
            return [.. e.Errors.Select(f => f.Field)];
        }
    }

    [Fact]
    public void A_valid_person_passes()
    {
        const string Person = """{"name":"Serik","birthDate":"1961-04-17","nationality":"KZ","alternateNames":["Серік"]}""";

        Assert.Empty(Problems(() => Validator.ValidateNode(NodeKind.Person, Json(Person), null, null)));
        // The same person with one value wrong is refused for that value alone: the pass above was a real check.
        Assert.Equal(["input.properties.nationality"],
            Problems(() => Validator.ValidateNode(NodeKind.Person, Json(Person.Replace("\"KZ\"", "\"Kazakhstan\"", StringComparison.Ordinal)), null, null)));
    }

    [Theory]
    [InlineData("1961-04-17")]
    [InlineData("1961-04")]
    [InlineData("1961")]
    public void A_birth_date_may_be_known_to_the_day_the_month_or_the_year(string birthDate)
    {
        Assert.Empty(Problems(() => Validator.ValidateNode(NodeKind.Person, Json($$"""{"name":"Serik","birthDate":"{{birthDate}}"}"""), null, null)));
        // Kept as precise as given: no day or month is made up.
        Assert.Equal(birthDate, PartialDate.Normalise(birthDate));
    }

    [Theory]
    [InlineData("1961-4")]
    [InlineData("61")]
    [InlineData("1961-13")]
    [InlineData("1961-04-17T00:00:00Z")]
    [InlineData("about 1961")]
    public void A_partial_date_in_another_form_is_refused(string birthDate) =>
        Assert.Contains("input.properties.birthDate", FieldsOf(() => Validator.ValidateNode(NodeKind.Person, Json($$"""{"name":"X","birthDate":"{{birthDate}}"}"""), null, null)));

    [Theory]
    [InlineData("""{"name":"X","birthDate":"1961-13-40"}""", "input.properties.birthDate")]
    [InlineData("""{"name":"X","nationality":"Kazakhstan"}""", "input.properties.nationality")]
    [InlineData("""{"name":"X","shoeSize":44}""", "input.properties.shoeSize")]
    [InlineData("""{"name":"   "}""", "input.properties.name")]
    [InlineData("""{"alternateNames":"not a list","name":"X"}""", "input.properties.alternateNames")]
    public void Each_bad_property_is_named(string properties, string field) =>
        Assert.Contains(field, FieldsOf(() => Validator.ValidateNode(NodeKind.Person, Json(properties), null, null)));

    [Theory]
    [InlineData("""{"share":-1}""", "input.properties.share")]
    [InlineData("""{"share":100.5}""", "input.properties.share")]
    [InlineData("""{"shareMin":60,"shareMax":40}""", "input.properties.shareMin")]
    [InlineData("""{"share":50,"shareMax":60}""", "input.properties.share")]
    public void Shares_outside_0_to_100_or_inverted_ranges_are_refused(string properties, string field) =>
        Assert.Contains(field, FieldsOf(() => Validator.ValidateEdge(EdgeKind.Owns, NodeKind.Person, NodeKind.Company, Json(properties), null, null)));

    [Fact]
    public void An_edge_between_kinds_the_model_does_not_allow_names_both_ends() =>
        Assert.Equal(["input.sourceId", "input.targetId"],
            FieldsOf(() => Validator.ValidateEdge(EdgeKind.FamilyOf, NodeKind.Company, NodeKind.Vessel, Json("""{"relationship":"spouse"}"""), null, null)));

    [Fact]
    public void A_family_tie_needs_a_relationship_from_its_code_list() =>
        Assert.Equal(["input.properties.relationship"],
            FieldsOf(() => Validator.ValidateEdge(EdgeKind.FamilyOf, NodeKind.Person, NodeKind.Person, Json("""{"relationship":"cousin-ish"}"""), null, null)));

    [Fact]
    public void Validity_must_not_end_before_it_starts() =>
        Assert.Equal(["input.validTo"],
            FieldsOf(() => Validator.ValidateEdge(EdgeKind.Owns, NodeKind.Person, NodeKind.Company, Json("{}"), new DateOnly(2020, 1, 1), new DateOnly(2019, 1, 1))));

    [Theory]
    [InlineData("""{"share":25}""", 25, 25)]
    [InlineData("""{"shareMin":25,"shareMax":50}""", 25, 50)]
    [InlineData("""{"shareMin":75}""", 75, 100)]
    public void Shares_are_carried_as_ranges(string properties, int low, int high) =>
        Assert.Equal(new ShareRange(low, high), GraphInputValidator.ShareOf(Json(properties)));

    [Fact]
    public void An_unknown_share_stays_unknown() =>
        Assert.Null(GraphInputValidator.ShareOf(Json("{}")));
}
