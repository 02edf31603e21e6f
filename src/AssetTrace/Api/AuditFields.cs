using AssetTrace.Accounts;
using AssetTrace.Api.Types;
using AssetTrace.Audit;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Common;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The audit log's fields: its entries, its verification and its signed head. Supervisors and admins.</summary>
public static class AuditFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditLog")
            .Description("Audit entries, newest first, about what you may see. Supervisors and admins.")
            .Argument<StringGraphType>("entity", "Only entries about this entity, e.g. 'node/demo-flat-london'.")
            .Argument<StringGraphType>("before", "Only entries before this seq (for paging).")
            .Argument<IntGraphType>("first")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerWithRoleAsync("Reading the audit log", Role.Supervisor);
                var before = c.GetArgument<string?>("before");
                long? beforeSeq = before is null ? null
                    : long.TryParse(before, out var seq) ? seq : throw new UserInputException("before", $"'{before}' is not an audit seq number.");
                var entries = await c.Service<AuditLog>().ListAsync(c.GetArgument<string?>("entity"), beforeSeq, c.PageSize(), c.CancellationToken);
                // Entries about a case's restricted facts, the case or its requests exist only for those who work on it.
                return await c.Service<Visibility.EntityVisibility>().VisibleAsync(viewer, entries, e => e.Entity, c.CancellationToken);
            });

        query.Field<NonNullGraphType<AuditVerificationType>>("auditVerification")
            .Description("Checks the hash chain of the whole audit log against its signed checkpoints and reports what is wrong: " +
                "broken links, a cut tail, a chain rewritten without the signing key. Supervisors and admins.")
            .Argument<StringGraphType>("checkpoint", "A checkpoint exported earlier (the JSON of 'audit checkpoint export' or AuditCheckpoint.exported), to check against as well.")
            .ResolveAsync(async c =>
            {
                RoleCheck.Require(c.User, "Verifying the audit log", Role.Supervisor);
                var exported = c.GetArgument<string?>("checkpoint") is { } json ? AuditCheckpointFile.Read(json, "checkpoint") : null;
                return await c.Service<AuditLog>().VerifyAsync(c.CancellationToken, exported);
            });

        query.Field<AuditCheckpointType>("auditCheckpoint")
            .Description("The signed head of the audit log, to export and keep elsewhere; null while the log is empty. Supervisors and admins.")
            .ResolveAsync(async c =>
            {
                RoleCheck.Require(c.User, "Reading the audit checkpoint", Role.Supervisor);
                return await c.Service<AuditLog>().SignedHeadAsync(c.CancellationToken);
            });
    }
}
