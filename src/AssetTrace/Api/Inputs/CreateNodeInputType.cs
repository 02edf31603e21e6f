using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class CreateNodeInputType : InputObjectGraphType
{
    public CreateNodeInputType()
    {
        Name = "CreateNodeInput";
        Field<IdGraphType>("id").Description("A stable id of your choosing (letters, digits, . _ : -); generated when omitted.");
        Field<NonNullGraphType<NodeKindEnum>>("kind");
        Field<NonNullGraphType<JsonGraphType>>("properties").Description("A JSON object with at least 'name'; the keys each kind allows are in graph-schema/nodes.");
        Field<DateOnlyGraphType>("validFrom");
        Field<DateOnlyGraphType>("validTo");
        Field<NonNullGraphType<ProvenanceInputType>>("provenance");
    }
}
