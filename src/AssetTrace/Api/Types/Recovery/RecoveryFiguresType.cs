using AssetTrace.Recovery.Figures;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecoveryFiguresType : ObjectGraphType<RecoveryFigures>
{
    public RecoveryFiguresType()
    {
        Name = "RecoveryFigures";
        Description = "Assets reaching each step, over the cases you see, in USD at the date of each move.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureRowType>>>>("rows").Description("By step, year, country, crime type and channel.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FigureRowType>>>>("byStep").Description("Totals per step (year 0, other keys empty).").Resolve(c => c.Source.ByStep);
        Field<NonNullGraphType<IntGraphType>>("cases").Resolve(c => c.Source.Cases);
        Field<NonNullGraphType<IntGraphType>>("restricted").Description("How many of the assets counted are facts restricted to a case.").Resolve(c => c.Source.Restricted);
        Field<NonNullGraphType<StringGraphType>>("csv").Description("The rows as CSV (the console's download).").Resolve(c => FiguresCsv.Write(c.Source));
    }
}

public sealed class FigureRowType : ObjectGraphType<FigureRow>
{
    public FigureRowType()
    {
        Name = "FigureRow";
        Field<NonNullGraphType<RecoveryStepEnum>>("step").Resolve(c => c.Source.Step);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<StringGraphType>>("crimeType").Resolve(c => c.Source.CrimeType);
        Field<NonNullGraphType<DiscoveryChannelEnum>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<IntGraphType>>("assets").Resolve(c => c.Source.Assets);
        Field<NonNullGraphType<DecimalGraphType>>("valueUsd").Resolve(c => c.Source.ValueUsd);
        Field<NonNullGraphType<IntGraphType>>("unvalued").Description("Moves without a value or a rate for their currency.").Resolve(c => c.Source.Unvalued);
        Field<NonNullGraphType<IntGraphType>>("restricted").Resolve(c => c.Source.Restricted);
    }
}
