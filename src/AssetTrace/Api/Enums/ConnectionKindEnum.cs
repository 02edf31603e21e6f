using AssetTrace.Analytics.Connections;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class ConnectionKindEnum : EnumerationGraphType<ConnectionKind>
{
    public ConnectionKindEnum()
    {
        Description = "What links two persons in one hop.";
    }
}
