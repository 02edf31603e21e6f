using AssetTrace.Requests;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class TurnaroundType : ObjectGraphType<Turnaround>
{
    public TurnaroundType()
    {
        Name = "Turnaround";
        Field<NonNullGraphType<StringGraphType>>("key").Description("The network or jurisdiction.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("answered").Resolve(c => c.Source.Answered);
        Field<FloatGraphType>("medianDays").Resolve(c => c.Source.MedianDays);
        Field<FloatGraphType>("averageDays").Resolve(c => c.Source.AverageDays);
        Field<NonNullGraphType<IntGraphType>>("open").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<IntGraphType>>("overdue").Resolve(c => c.Source.Overdue);
    }
}
