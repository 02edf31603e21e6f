using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecommendationStatusEnum : EnumerationGraphType<RecommendationStatus>
{
    public RecommendationStatusEnum() => Description = "Whether a recommendation is open, accepted or dismissed.";
}
