using AssetTrace.Requests.Lifecycle;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class RequestStatusEnum : EnumerationGraphType<RequestStatus>
{
    public RequestStatusEnum()
    {
        Description = "Where a request stands in its lifecycle.";
    }
}
