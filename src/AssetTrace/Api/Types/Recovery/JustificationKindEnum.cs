using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class JustificationKindEnum : EnumerationGraphType<JustificationKind>
{
    public JustificationKindEnum() => Description = "What a move rests on.";
}
