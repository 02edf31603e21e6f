using AssetTrace.Api.Enums;
using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class CreateEdgeInputType : InputObjectGraphType
{
    public CreateEdgeInputType()
    {
        Name = "CreateEdgeInput";
        Field<IdGraphType>("id").Description("A stable id of your choosing; generated when omitted.");
        Field<NonNullGraphType<EdgeKindEnum>>("kind");
        Field<NonNullGraphType<IdGraphType>>("sourceId");
        Field<NonNullGraphType<IdGraphType>>("targetId");
        Field<JsonGraphType>("properties").Description("A JSON object; the keys each kind allows are in graph-schema/edges (e.g. OWNS: share, or shareMin and shareMax).");
        Field<DateOnlyGraphType>("validFrom");
        Field<DateOnlyGraphType>("validTo");
        Field<NonNullGraphType<ProvenanceInputType>>("provenance");
    }
}
