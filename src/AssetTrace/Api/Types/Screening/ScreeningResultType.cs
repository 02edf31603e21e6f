using AssetTrace.Matching.Screening;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Screening;

public sealed class ScreeningResultType : ObjectGraphType<ScreeningResult>
{
    public ScreeningResultType()
    {
        Name = "ScreeningResult";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScreenedRowType>>>>("rows").Description("Every row, in the order given.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<IntGraphType>>("matchCount").Resolve(c => c.Source.MatchCount);
        Field<NonNullGraphType<StringGraphType>>("inputSha256").Description("The SHA-256 of the list as the audit log records it (screening.completed).").Resolve(c => c.Source.InputSha256);
    }
}
