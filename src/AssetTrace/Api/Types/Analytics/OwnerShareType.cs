using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class OwnerShareType : ObjectGraphType<OwnerShare>
{
    public OwnerShareType()
    {
        Name = "OwnerShare";
        Description = "An owner (person or company) and its effective share, as a range in percent.";
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NodeType>("node").ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Description("Effective share with share ranges at their minimum, in percent: shares multiplied along each chain and added up over chains; a holding in a company that holds some of its own shares counts as a share of the shares it does not hold itself, share / (1 − self share).").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Description("The same with share ranges at their maximum.").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<BooleanGraphType>>("unknownInChain").Description("A link on the way has an unknown share: the figure leaves it out.").Resolve(c => c.Source.UnknownInChain);
        Field<NonNullGraphType<BooleanGraphType>>("circular").Description("The owner sits in an ownership cycle; its figure is capped at 100%.").Resolve(c => c.Source.Circular);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipPathType>>>>("paths").Resolve(c => c.Source.Paths);
    }
}
