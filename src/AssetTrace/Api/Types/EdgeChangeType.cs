using AssetTrace.Api.Enums;
using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class EdgeChangeType : ObjectGraphType<Change<Edge>>
{
    public EdgeChangeType()
    {
        Name = "EdgeChange";
        Description = "One version of an edge: its state after the change, who made it, when and why.";
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ChangeKindEnum>>("change").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<GraphEdgeType>>("state").Resolve(c => c.Source.State);
    }
}
