using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs.Requests;

public sealed class FactNodeInputType : InputObjectGraphType
{
    public FactNodeInputType()
    {
        Name = "FactNodeInput";
        Description = "A node an answer establishes; its provenance is the request.";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<NodeKindEnum>>("kind");
        Field<NonNullGraphType<JsonGraphType>>("properties");
        Field<DateOnlyGraphType>("validFrom");
        Field<DateOnlyGraphType>("validTo");
    }
}
