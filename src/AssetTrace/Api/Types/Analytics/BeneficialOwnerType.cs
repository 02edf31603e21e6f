using AssetTrace.Analytics.Ownership;
using AssetTrace.Api.Batching;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Analytics;

public sealed class BeneficialOwnerType : ObjectGraphType<BeneficialOwner>
{
    public BeneficialOwnerType()
    {
        Name = "BeneficialOwner";
        Description = "A natural person who owns at least the threshold, controls, or is declared to own a company or asset.";
        Field<NodeType>("person").ResolveAsync(async c => await c.NodeAsync(c.Source.PersonId));
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Description("Effective share with share ranges at their minimum, in percent: shares multiplied along each chain and added up over chains; a holding in a company that holds some of its own shares counts as a share of the shares it does not hold itself, share / (1 − self share).").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Description("The same with share ranges at their maximum.").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<BooleanGraphType>>("unknownInChain").Resolve(c => c.Source.UnknownInChain);
        Field<NonNullGraphType<BooleanGraphType>>("byOwnership").Description("The upper bound of the share reaches the threshold.").Resolve(c => c.Source.ByOwnership);
        Field<NonNullGraphType<BooleanGraphType>>("certainByOwnership").Description("Even the lower bound reaches the threshold.").Resolve(c => c.Source.CertainByOwnership);
        Field<NonNullGraphType<BooleanGraphType>>("byControl").Resolve(c => c.Source.ByControl);
        Field<NonNullGraphType<BooleanGraphType>>("declared").Description("A register or declaration names the person (BENEFICIAL_OWNER_OF).").Resolve(c => c.Source.Declared);
        Field<FloatGraphType>("declaredPercent").Resolve(c => c.Source.DeclaredPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ControlStepType>>>>("control").Description("The steps of control, from the person down to the target.").Resolve(c => c.Source.Control);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OwnershipPathType>>>>("paths").Resolve(c => c.Source.Paths);
    }
}
