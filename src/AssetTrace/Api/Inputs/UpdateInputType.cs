using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class UpdateInputType : InputObjectGraphType
{
    public UpdateInputType()
    {
        Name = "UpdateInput";
        Description = "A change to a node or edge. Omitted fields stay as they are; the earlier version is kept.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the change is made; kept with the earlier version.");
        Field<IntGraphType>("expectedVersion").Description("The version you read; the change is refused when someone changed it since.");
        Field<JsonGraphType>("properties").Description("A JSON merge patch: listed keys are replaced, a null value removes a key.");
        Field<DateOnlyGraphType>("validFrom").Description("Null clears it.");
        Field<DateOnlyGraphType>("validTo").Description("Null clears it.");
        Field<ProvenanceInputType>("provenance").Description("The source of the changed fact, when it differs.");
    }
}
