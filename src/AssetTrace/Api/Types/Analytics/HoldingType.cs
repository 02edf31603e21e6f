using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
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
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Description("Effective share with share ranges at their minimum, in percent: shares multiplied along each chain and added up over chains; a holding in a company that holds some of its own shares counts as a share of the shares it does not hold itself, share / (1 − self share).").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Description("The same with share ranges at their maximum.").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<BooleanGraphType>>("unknownInChain").Resolve(c => c.Source.UnknownInChain);
        Field<NonNullGraphType<BooleanGraphType>>("controlled").Resolve(c => c.Source.Controlled);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberShareType>>>>("members").Resolve(c => c.Source.Members);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipPathType>>>>("paths").Resolve(c => c.Source.Paths);
    }
}
