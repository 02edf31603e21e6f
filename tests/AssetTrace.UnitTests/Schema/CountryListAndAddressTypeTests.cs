using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.UnitTests.Schema;

/// <summary>The model types #12 added for what outside data said and the graph lost: country lists and address types.</summary>
public sealed class CountryListAndAddressTypeTests
{
    private static readonly GraphInputValidator Validator = new(GraphSchema.Load(GraphSchema.DefaultDirectory));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_list_of_country_codes_is_accepted_on_persons_companies_and_addresses()
    {
        Validator.ValidateNode(NodeKind.Person, Json("""{"name":"X","nationality":"KZ","countries":["KZ","RU","GB"]}"""), null, null);
        Validator.ValidateNode(NodeKind.Company, Json("""{"name":"X","countries":["ZA"]}"""), null, null);
        Validator.ValidateNode(NodeKind.Address, Json("""{"name":"X","country":"ZA","countries":["ZA","GB"]}"""), null, null);
    }

    [Theory]
    [InlineData("""["ZAF","GBR"]""")]
    [InlineData("""["za"]""")]
    [InlineData("\"ZA;GB\"")]
    [InlineData("""["ZA",7]""")]
    public void A_country_list_of_anything_but_capital_alpha_2_codes_is_refused(string countries)
    {
        var e = Assert.Throws<UserInputException>(() => Validator.ValidateNode(NodeKind.Address, Json($$"""{"name":"X","countries":{{countries}}}"""), null, null));

        Assert.Equal("input.properties.countries", Assert.Single(e.Errors).Field);
        Assert.Contains("ISO 3166-1 alpha-2", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_country_list_longer_than_there_are_countries_is_refused()
    {
        var many = string.Join(',', Enumerable.Repeat("\"GB\"", 301));

        Assert.Throws<UserInputException>(() => Validator.ValidateNode(NodeKind.Address, Json($$"""{"name":"X","countries":[{{many}}]}"""), null, null));
    }

    [Theory]
    [InlineData("service")]
    [InlineData("residence")]
    [InlineData("registered")]
    public void An_address_type_from_the_code_list_is_kept_on_REGISTERED_AT(string type) =>
        Validator.ValidateEdge(EdgeKind.RegisteredAt, NodeKind.Person, NodeKind.Address, Json($$"""{"addressType":"{{type}}"}"""), null, null);

    [Fact]
    public void An_address_type_outside_the_code_list_is_refused()
    {
        var e = Assert.Throws<UserInputException>(() =>
            Validator.ValidateEdge(EdgeKind.RegisteredAt, NodeKind.Person, NodeKind.Address, Json("""{"addressType":"headquarters"}"""), null, null));

        Assert.Equal("input.properties.addressType", Assert.Single(e.Errors).Field);
    }

    [Theory]
    [InlineData(EdgeKind.Owns, NodeKind.Person)]
    [InlineData(EdgeKind.Controls, NodeKind.Company)]
    [InlineData(EdgeKind.DirectorOf, NodeKind.Company)]
    [InlineData(EdgeKind.AssociateOf, NodeKind.Person)]
    public void No_edge_but_a_companys_OWNS_may_join_a_node_to_itself(EdgeKind kind, NodeKind sourceKind)
    {
        var e = Assert.Throws<UserInputException>(() => GraphInputValidator.CheckEnds(kind, "n1", "n1", sourceKind, Json("{}")));

        Assert.Equal("input.targetId", Assert.Single(e.Errors).Field);
        GraphInputValidator.CheckEnds(EdgeKind.Owns, "c1", "c1", NodeKind.Company, Json("""{"share":1.81}"""));
        GraphInputValidator.CheckEnds(kind, "n1", "n2", sourceKind, Json("{}"));
    }

    [Theory]
    [InlineData("""{"share":100}""")]
    [InlineData("""{"shareMin":100,"shareMax":100}""")]
    public void A_company_cannot_hold_all_of_its_own_shares(string share)
    {
        var e = Assert.Throws<UserInputException>(() => GraphInputValidator.CheckEnds(EdgeKind.Owns, "c1", "c1", NodeKind.Company, Json(share)));

        Assert.Equal("input.properties.share", Assert.Single(e.Errors).Field);
    }
}
