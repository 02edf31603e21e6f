using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class JustificationType : ObjectGraphType<Justification>
{
    public JustificationType()
    {
        Name = "Justification";
        Field<NonNullGraphType<JustificationKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(c => c.Source.Reference);
    }
}
