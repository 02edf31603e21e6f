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
