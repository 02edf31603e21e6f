using AssetTrace.Audit;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of checking every link of the audit log's hash chain.";
        Field<NonNullGraphType<BooleanGraphType>>("intact").Resolve(c => c.Source.Intact);
        Field<NonNullGraphType<IntGraphType>>("entriesChecked").Resolve(c => (int)c.Source.EntriesChecked);
        Field<StringGraphType>("firstBrokenSeq").Resolve(c => c.Source.FirstBrokenSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("problem").Resolve(c => c.Source.Problem);
        Field<NonNullGraphType<StringGraphType>>("headHash").Description("Note it down: a later truncation of the log then shows.").Resolve(c => c.Source.HeadHash);
    }
}
