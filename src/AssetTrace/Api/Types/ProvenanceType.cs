using AssetTrace.Api.Enums;
using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class ProvenanceType : ObjectGraphType<Provenance>
{
    public ProvenanceType()
    {
        Name = "Provenance";
        Description = "Where a fact came from, when, who recorded it and what it may be used for.";
        Field<NonNullGraphType<SourceKindEnum>>("source").Resolve(c => c.Source.Source);
        Field<StringGraphType>("reference").Description("Registry URL, request number, file and record…").Resolve(c => c.Source.Reference);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("obtainedAt").Resolve(c => c.Source.ObtainedAt);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Resolve(c => c.Source.RecordedBy);
        Field<NonNullGraphType<UsageRestrictionEnum>>("restriction").Resolve(c => c.Source.Restriction);
        Field<IdGraphType>("caseId").Description("The case the fact is restricted to: only its team, its supervisors and admins see it. Null when open.")
            .Resolve(c => c.Source.CaseId);
        Field<NonNullGraphType<SourceKindEnum>>("receivedSource").Description("The source the fact was first received from, whatever it is labelled now.")
            .Resolve(c => c.Source.Received.Source);
        Field<NonNullGraphType<UsageRestrictionEnum>>("receivedRestriction").Description("The restriction the fact was received with; court documents decide from it and the consent ledger.")
            .Resolve(c => c.Source.Received.Restriction);
    }
}
