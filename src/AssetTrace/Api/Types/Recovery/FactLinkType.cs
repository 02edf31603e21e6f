using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class FactLinkType : ObjectGraphType<FactLink>
{
    public FactLinkType()
    {
        Name = "FactLink";
        Field<NonNullGraphType<StringGraphType>>("kind").Description("node, edge, request or lead (an accepted open-source lead).").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
    }
}
