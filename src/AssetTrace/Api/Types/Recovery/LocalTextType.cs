using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class LocalTextType : ObjectGraphType<LocalText>
{
    public LocalTextType()
    {
        Name = "LocalText";
        Field<NonNullGraphType<StringGraphType>>("en").Resolve(c => c.Source.En);
        Field<NonNullGraphType<StringGraphType>>("ru").Resolve(c => c.Source.Ru);
    }
}
