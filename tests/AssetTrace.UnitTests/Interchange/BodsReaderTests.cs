using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Bods;
using AssetTrace.Interchange.Import;

namespace AssetTrace.UnitTests.Interchange;

/// <summary>How single BODS statements become import items, without a store.</summary>
public sealed class BodsReaderTests
{
    private static readonly RecordLocation At = new("test.json", 1, null);

    private static IReadOnlyList<ImportItem> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BodsFormat.Statement(document.RootElement.Clone(), At);
    }

    [Fact]
    public void An_indirect_shareholding_with_components_becomes_a_declared_beneficial_ownership_not_a_holding()
    {
        var items = Read("""
            {"statementId":"s","recordId":"r","recordType":"relationship","statementDate":"2024-01-01",
             "recordDetails":{"subject":"e","interestedParty":"p","componentRecords":["c1","c2"],
               "interests":[{"type":"shareholding","directOrIndirect":"unknown","share":{"minimum":25,"maximum":50}}]}}
            """);

        var edge = Assert.IsType<EdgeRecord>(Assert.Single(items));
        Assert.Equal(EdgeKind.BeneficialOwnerOf, edge.Kind);
        Assert.Equal(25m, edge.Properties["shareMin"]!.GetValue<decimal>());
        Assert.Equal(EdgeKind.Controls, edge.IfSourceIsCompany!.Kind);
    }

    [Fact]
    public void A_closed_relationship_ends_on_its_statement_date_when_it_gives_no_end_date()
    {
        var items = Read("""
            {"statementId":"s","recordId":"r","recordType":"relationship","recordStatus":"closed","statementDate":"2022-01-21T11:56:47Z",
             "recordDetails":{"subject":"e","interestedParty":"p","interests":[{"type":"boardMember","startDate":"2019-09-11"}]}}
            """);

        var edge = Assert.IsType<EdgeRecord>(Assert.Single(items));
        Assert.Equal((EdgeKind.DirectorOf, new DateOnly(2019, 9, 11), new DateOnly(2022, 1, 21)), (edge.Kind, edge.ValidFrom!.Value, edge.ValidTo!.Value));
    }

    [Fact]
    public void A_partial_birth_date_is_kept_as_given()
    {
        var items = Read("""
            {"statementId":"s","recordId":"p","recordType":"person","statementDate":"2024-01-01",
             "recordDetails":{"personType":"knownPerson","names":[{"type":"legal","fullName":"Ann Example"}],"birthDate":"1978-07"}}
            """);

        var person = Assert.IsType<NodeRecord>(Assert.Single(items));
        Assert.Equal("1978-07", person.Properties["birthDate"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"statementId":"s","recordId":"r","recordType":"company","recordDetails":{}}""", "recordType 'company'")]
    [InlineData("""{"statementId":"s","recordId":"r","recordType":"relationship","recordDetails":{"subject":"e","interestedParty":"p","interests":[{"type":"shareholding","share":{"exact":500}}]}}""", "outside 0–100")]
    [InlineData("""{"statementID":"too-short","statementType":"entityStatement","name":"A"}""", "32 to 64")]
    [InlineData("""{"name":"neither"}""", "neither a BODS 0.4")]
    public void A_statement_that_breaks_the_standard_is_one_bad_record_that_says_why(string json, string expected)
    {
        var bad = Assert.IsType<BadRecord>(Assert.Single(Read(json)));
        Assert.Contains(expected, bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_BODS_0_3_statement_that_replaces_another_supersedes_it_first()
    {
        var items = Read("""
            {"statementID":"676ce2ec-e244-409e-85f9-9823e88bc099","statementType":"ownershipOrControlStatement","statementDate":"2018-01-05",
             "subject":{"describedByEntityStatement":"e"},"interestedParty":{"describedByPersonStatement":"p"},
             "interests":[{"type":"shareholding","share":{"exact":50}}],"replacesStatements":["fbfd0547-d0c6-4a00-b559-5c5e91c34f5c"]}
            """);

        var supersede = Assert.IsType<SupersedeRecord>(items[0]);
        Assert.Equal(["shareholding.0"], supersede.KeptEdgeSuffixes);
        Assert.IsType<EdgeRecord>(items[1]);
    }
}
