using AssetTrace.Audit;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class AuditVerificationType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationType()
    {
        Name = "AuditVerification";
        Description = "The result of checking every link of the audit log's hash chain and every signed checkpoint.";
        Field<NonNullGraphType<BooleanGraphType>>("intact").Resolve(c => c.Source.Intact);
        Field<NonNullGraphType<IntGraphType>>("entriesChecked").Description("Entries, from the first, whose links hold.").Resolve(c => (int)c.Source.EntriesChecked);
        Field<StringGraphType>("firstBrokenSeq").Description("Where the first problem shows.")
            .Resolve(c => c.Source.FirstBrokenSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("problem").Description("The first problem; all of them are in problems.").Resolve(c => c.Source.Problem);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditProblemType>>>>("problems").Resolve(c => c.Source.Problems);
        Field<NonNullGraphType<StringGraphType>>("headHash").Description("The hash of the last entry whose link holds.").Resolve(c => c.Source.HeadHash);
        Field<AuditCheckpointType>("checkpoint").Description("The newest checkpoint whose signature holds that the log was checked against.").Resolve(c => c.Source.Checkpoint);
        Field<NonNullGraphType<IntGraphType>>("checkpointsChecked").Resolve(c => c.Source.CheckpointsChecked);
        Field<NonNullGraphType<StringGraphType>>("keyFingerprint").Description("The key checkpoints must be signed with (SHA-256 of its public key, hex).").Resolve(c => c.Source.KeyFingerprint);
    }
}
