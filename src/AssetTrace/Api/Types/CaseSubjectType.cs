using AssetTrace.Api.Batching;
using AssetTrace.Cases;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class CaseSubjectType : ObjectGraphType<CaseSubject>
{
    public CaseSubjectType()
    {
        Name = "CaseSubject";
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NodeType>("node").ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("addedAt").Resolve(c => c.Source.AddedAt);
        Field<NonNullGraphType<StringGraphType>>("addedBy").Resolve(c => c.Source.AddedBy);
    }
}
