using AssetTrace.Requests.Lifecycle;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class ChecklistGapType : ObjectGraphType<ChecklistGap>
{
    public ChecklistGapType()
    {
        Name = "ChecklistGap";
        Description = "Something the requested state's law requires that the draft lacks.";
        Field<NonNullGraphType<StringGraphType>>("item").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<StringGraphType>>("requirement").Resolve(c => c.Source.Requirement);
        Field<NonNullGraphType<StringGraphType>>("problem").Resolve(c => c.Source.Problem);
    }
}
