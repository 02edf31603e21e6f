using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class HoldingType : ObjectGraphType<Holding>
{
    public HoldingType()
    {
        Name = "Holding";
        Description = "Something owned or controlled, with the effective share of each member of the group asked about.";
        Field<NodeType>("node").ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<BooleanGraphType>>("unknownInChain").Resolve(c => c.Source.UnknownInChain);
        Field<NonNullGraphType<BooleanGraphType>>("controlled").Resolve(c => c.Source.Controlled);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberShareType>>>>("members").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipPathType>>>>("paths").Resolve(c => c.Source.Paths);
    }
}
