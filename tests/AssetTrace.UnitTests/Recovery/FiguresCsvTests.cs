using AssetTrace.Recovery.Figures;
using AssetTrace.Recovery.Steps;

namespace AssetTrace.UnitTests.Recovery;

public sealed class FiguresCsvTests
{
    [Fact]
    public void Every_field_is_a_code_or_a_number_so_a_country_typed_as_a_formula_reaches_no_spreadsheet_as_one()
    {
        var figures = new RecoveryFigures([new FigureRow(RecoveryStep.Returned, 2026, "=HYPERLINK(\"x\")", "corruption", DiscoveryChannel.Mla, 2, 1234.5m, 1, 0)], [], 1, 0);

        var lines = FiguresCsv.Write(figures).Split("\r\n");

        Assert.Equal(FiguresCsv.Header, lines[0]);
        Assert.Equal("returned,2026,_HYPERLINK__x__,corruption,mla,2,1234.50,1,0", lines[1]);
    }
}
