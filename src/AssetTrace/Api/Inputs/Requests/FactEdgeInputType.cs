using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs.Requests;

public sealed class FactEdgeInputType : InputObjectGraphType
{
    public FactEdgeInputType()
    {
        Name = "FactEdgeInput";
        Description = "An edge an answer establishes; its provenance is the request.";
        Field<IdGraphType>("id");
        Field<NonNullGraphType<EdgeKindEnum>>("kind");
        Field<NonNullGraphType<IdGraphType>>("sourceId");
        Field<NonNullGraphType<IdGraphType>>("targetId");
        Field<JsonGraphType>("properties");
        Field<DateOnlyGraphType>("validFrom");
        Field<DateOnlyGraphType>("validTo");
    }
}
