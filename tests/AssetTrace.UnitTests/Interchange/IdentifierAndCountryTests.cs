using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;

namespace AssetTrace.UnitTests.Interchange;

public sealed class IdentifierAndCountryTests
{
    [Fact]
    public void Identifiers_ignore_spacing_and_case_and_need_a_jurisdiction_for_registration_numbers()
    {
        var company = JsonSerializer.SerializeToElement(new { name = "A", jurisdiction = "VG", registrationNumber = "19 001-23" });
        var stateless = JsonSerializer.SerializeToElement(new { name = "A", registrationNumber = "1900123" });
        var vessel = JsonSerializer.SerializeToElement(new { name = "Aurora", imoNumber = "imo 9876543" });

        Assert.Equal(["reg:VG:1900123"], NodeIdentifiers.Of(NodeKind.Company, company));
        Assert.Empty(NodeIdentifiers.Of(NodeKind.Company, stateless));
        Assert.Equal(["imo:9876543"], NodeIdentifiers.Of(NodeKind.Vessel, vessel));
    }

    [Theory]
    [InlineData("IMO 9876543")]
    [InlineData("imo9876543")]
    [InlineData("9876543")]
    [InlineData("9 876 543")]
    public void An_IMO_number_is_one_key_with_or_without_its_prefix(string written)
    {
        var vessel = JsonSerializer.SerializeToElement(new { name = "Aurora", imoNumber = written });
        Assert.Equal(["imo:9876543"], NodeIdentifiers.Of(NodeKind.Vessel, vessel));
    }

    [Theory]
    [InlineData("VGB", "VG")]
    [InlineData("KAZ", "KZ")]
    [InlineData("Democratic Republic of the Congo", "CD")]
    [InlineData("kz", "KZ")]
    [InlineData("BVI", "VG")]
    [InlineData("Atlantis", null)]
    public void Country_names_and_alpha_3_codes_become_alpha_2(string value, string? expected) =>
        Assert.Equal(expected, Countries.ToAlpha2(value));
}
