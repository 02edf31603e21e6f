using AssetTrace.Requests.Lifecycle;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class RequestEventType : ObjectGraphType<RequestEvent>
{
    public RequestEventType()
    {
        Name = "RequestEvent";
        Field<NonNullGraphType<IntGraphType>>("seq").Resolve(c => c.Source.Seq);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("event").Resolve(c => c.Source.Event);
        Field<StringGraphType>("detail").Resolve(c => c.Source.Detail);
    }
}
