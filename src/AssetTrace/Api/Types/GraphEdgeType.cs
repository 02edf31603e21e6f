using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class GraphEdgeType : ObjectGraphType<Edge>
{
    public GraphEdgeType()
    {
        Name = "Edge";
        Description = "A directed link between two nodes: ownership, control, family, a transfer…";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EdgeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("sourceId").Resolve(c => c.Source.SourceId);
        Field<NonNullGraphType<IdGraphType>>("targetId").Resolve(c => c.Source.TargetId);
        Field<NodeType>("source").Description("Null when the node has since been deleted.")
            .ResolveAsync(async c => await c.NodeAsync(c.Source.SourceId));
        Field<NodeType>("target").Description("Null when the node has since been deleted.")
            .ResolveAsync(async c => await c.NodeAsync(c.Source.TargetId));
        Field<NonNullGraphType<JsonGraphType>>("properties").Resolve(c => c.Source.Properties);
        Field<ShareRangeType>("share").Description("For OWNS and BENEFICIAL_OWNER_OF; null when the share is unknown.").Resolve(c => c.Source.Share);
        Field<DateOnlyGraphType>("validFrom").Resolve(c => c.Source.ValidFrom);
        Field<DateOnlyGraphType>("validTo").Resolve(c => c.Source.ValidTo);
        Field<NonNullGraphType<ProvenanceType>>("provenance").Resolve(c => c.Source.Provenance);
        Field<NonNullGraphType<StampType>>("stamp").Resolve(c => c.Source.Stamp);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeChangeType>>>>("history")
            .Description("Every version of this edge, oldest first.")
            .ResolveAsync(async c => await c.Service<GraphQueries>().EdgeHistoryAsync(await c.ViewerAsync(), c.Source.Id, c.CancellationToken));
    }
}
