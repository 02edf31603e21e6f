using AssetTrace.Matching;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class MatchHowEnum : EnumerationGraphType<MatchHow>
{
    public MatchHowEnum()
    {
        Description = "How a part of a name, or a piece of evidence, agreed or disagreed.";
    }
}
