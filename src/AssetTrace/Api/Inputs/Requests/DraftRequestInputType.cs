using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs.Requests;

public sealed class DraftRequestInputType : InputObjectGraphType
{
    public DraftRequestInputType()
    {
        Name = "DraftRequestInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<StringGraphType>>("network").Description("CARIN, ARIN_AP, EGMONT, INTERPOL_STAR or MLA (see networks).");
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Description("The requested state, ISO 3166-1 alpha-2.");
        Field<IdGraphType>("contactPointId").Description("The directory's first contact point there when omitted.");
        Field<UrgencyEnum>("urgency").Description("NORMAL when omitted.");
        Field<NonNullGraphType<RequestBodyInputType>>("body");
    }
}
