using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class DiscoveryChannelEnum : EnumerationGraphType<DiscoveryChannel>
{
    public DiscoveryChannelEnum() => Description = "The channel through which an asset was found.";
}
