using AssetTrace.Requests;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class RequestFiguresType : ObjectGraphType<RequestFigures>
{
    public RequestFiguresType()
    {
        Name = "RequestFigures";
        Field<NonNullGraphType<IntGraphType>>("open").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<IntGraphType>>("overdue").Resolve(c => c.Source.Overdue);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TurnaroundType>>>>("byNetwork").Resolve(c => c.Source.ByNetwork);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TurnaroundType>>>>("byJurisdiction").Resolve(c => c.Source.ByJurisdiction);
    }
}
