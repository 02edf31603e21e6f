using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class ProvenanceInputType : InputObjectGraphType
{
    public ProvenanceInputType()
    {
        Name = "ProvenanceInput";
        Description = "Where the fact comes from. Who recorded it is the signed-in user.";
        Field<NonNullGraphType<SourceKindEnum>>("source");
        Field<StringGraphType>("reference").Description("Registry URL, request number, document, file and record…");
        Field<DateTimeOffsetGraphType>("obtainedAt").Description("When the source was obtained; now when omitted.");
        Field<NonNullGraphType<UsageRestrictionEnum>>("restriction");
        Field<IdGraphType>("caseId").Description("Restrict the fact to this case (need-to-know); required for network answers. In a change: omitted keeps the restriction, null lifts it (supervisors).");
    }
}
