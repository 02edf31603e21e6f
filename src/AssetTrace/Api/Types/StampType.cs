using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class StampType : ObjectGraphType<Stamp>
{
    public StampType()
    {
        Name = "Stamp";
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<StringGraphType>>("updatedBy").Resolve(c => c.Source.UpdatedBy);
    }
}
