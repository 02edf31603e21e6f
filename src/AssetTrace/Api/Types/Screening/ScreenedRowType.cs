using AssetTrace.Matching.Screening;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Screening;

public sealed class ScreenedRowType : ObjectGraphType<ScreenedRow>
{
    public ScreenedRowType()
    {
        Name = "ScreenedRow";
        Description = "A row of the list and its best matches, best first; none when no node reached the threshold.";
        Field<NonNullGraphType<IntGraphType>>("row").Description("1 for the first name given.").Resolve(c => c.Source.Row.Number);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Row.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScreenMatchType>>>>("matches").Resolve(c => c.Source.Matches);
    }
}
