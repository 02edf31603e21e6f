using AssetTrace.Audit;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class AuditProblemKindEnum : EnumerationGraphType<AuditProblemKind>
{
    public AuditProblemKindEnum()
    {
        Description = "What is wrong with the audit log: a link (MISSING_ENTRY, BROKEN_LINK, ALTERED_ENTRY), or what only the signed checkpoints show (TRUNCATED, REWRITTEN, FORGED_CHECKPOINT, UNSIGNED_ENTRIES, MISSING_HEAD).";
    }
}
