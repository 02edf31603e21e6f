using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The GraphQL schema; its printed SDL is kept in graph-schema/schema.graphql.</summary>
public sealed class AssetTraceSchema : Schema
{
    public AssetTraceSchema(IServiceProvider services, AssetTraceQuery query, AssetTraceMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "AssetTrace: the ownership graph, cases, accounts and audit of an asset-recovery office.";
    }
}
