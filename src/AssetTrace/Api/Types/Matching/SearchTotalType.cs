using System.Globalization;
using AssetTrace.Matching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Matching;

public sealed class SearchTotalType : ObjectGraphType<SearchPage>
{
    public SearchTotalType()
    {
        Name = "SearchTotal";
        Description = "How many nodes match: exact up to a bound (AssetTrace:Matching:ExactTotal, or the end of the page asked for when further), and 'more than' the bound beyond it.";
        Field<NonNullGraphType<IntGraphType>>("count").Description("The number of matches; when not exact, there are more than this.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<BooleanGraphType>>("exact").Resolve(c => c.Source.TotalIsExact);
        Field<NonNullGraphType<StringGraphType>>("text").Description("'12', or 'more than 1000'.")
            .Resolve(c => c.Source.TotalIsExact ? c.Source.TotalCount.ToString(CultureInfo.InvariantCulture) : $"more than {c.Source.TotalCount.ToString(CultureInfo.InvariantCulture)}");
    }
}
