using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types;
using AssetTrace.Audit;
using AssetTrace.Audit.Checkpoints;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Paths;
using AssetTrace.Graph.Store;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

public sealed class AssetTraceQuery : ObjectGraphType
{
    public AssetTraceQuery()
    {
        Name = "Query";

        Field<NodeType>("node").Description("A node by id; null when there is none or it was deleted (its history stays readable).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().GetNodeAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        Field<GraphEdgeType>("edge").Description("An edge by id; null when there is none or it was deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().GetEdgeAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<NodePageType>>("search")
            .Description("Nodes whose names contain words starting with each word of the query, whatever the case, accents or script: 'Akhmetov', 'Ahmetov' and 'Ахметов' find each other.")
            .Argument<NonNullGraphType<StringGraphType>>("query")
            .Argument<ListGraphType<NonNullGraphType<NodeKindEnum>>>("kinds", "Only these kinds; all when omitted.")
            .Argument<DateOnlyGraphType>("asOf", "Only nodes valid on this date.")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .ResolveAsync(async c => await c.Service<GraphQueries>().SearchAsync(await c.ViewerAsync(),
                c.GetArgument<string>("query"), c.GetArgument<List<NodeKind>?>("kinds"), c.GetArgument<DateOnly?>("asOf"),
                c.PageSize(), c.GetArgument<string?>("after"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathType>>>>("shortestPaths")
            .Description("All shortest paths between two nodes, up to maxHops (empty when none is that short).")
            .Argument<NonNullGraphType<IdGraphType>>("from")
            .Argument<NonNullGraphType<IdGraphType>>("to")
            .Argument<IntGraphType>("maxHops", a => a.DefaultValue = 6)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds")
            .Argument<DirectionEnum>("direction", a => a.DefaultValue = Direction.Both)
            .Argument<DateOnlyGraphType>("asOf")
            .Argument<IntGraphType>("maxPaths", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var limits = c.Service<ApiLimits>();
                var hops = c.GetArgument("maxHops", 6);
                if (hops < 1 || hops > limits.MaxPathHops)
                {
                    throw new UserInputException("maxHops", $"must be between 1 and {limits.MaxPathHops}, got {hops}.");
                }
                var maxPaths = c.GetArgument("maxPaths", 10);
                if (maxPaths < 1 || maxPaths > limits.MaxPageSize)
                {
                    throw new UserInputException("maxPaths", $"must be between 1 and {limits.MaxPageSize}, got {maxPaths}.");
                }
                return await c.Service<ShortestPathFinder>().FindAsync(await c.ViewerAsync(), c.GetArgument<string>("from"), c.GetArgument<string>("to"), hops,
                    c.GetArgument<List<EdgeKind>?>("kinds"), c.GetArgument("direction", Direction.Both), c.GetArgument<DateOnly?>("asOf"), maxPaths, c.CancellationToken);
            });

        Field<NonNullGraphType<SubgraphType>>("neighbourhood")
            .Description("The graph within some hops of a node, as it stood on a date: what was valid then.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("hops", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<EdgeKindEnum>>>("kinds")
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var max = c.Service<ApiLimits>().MaxNeighbourhoodHops;
                var hops = c.GetArgument("hops", 1);
                if (hops < 1 || hops > max)
                {
                    throw new UserInputException("hops", $"must be between 1 and {max}, got {hops}.");
                }
                return await c.Service<NeighbourhoodReader>().ReadAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), hops,
                    c.GetArgument<List<EdgeKind>?>("kinds"), c.GetArgument<DateOnly?>("asOf"), c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeType>>>>("nodeHistory")
            .Description("Every version of a node, also of one since deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().NodeHistoryAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeChangeType>>>>("edgeHistory")
            .Description("Every version of an edge, also of one since deleted.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<GraphQueries>().EdgeHistoryAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseType>>>>("cases").Description("The cases you work on (all of them, for admins).")
            .Argument<CaseStatusEnum>("status")
            .ResolveAsync(async c => await c.Service<CaseStore>().ListAsync(await c.ViewerAsync(), c.GetArgument<CaseStatus?>("status"), c.CancellationToken));

        Field<CaseType>("case").Description("A case you work on; null when there is none you may see.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<CaseStore>().GetAsync(await c.ViewerAsync(), c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditLog")
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

        Field<NonNullGraphType<AuditVerificationType>>("auditVerification")
            .Description("Checks the hash chain of the whole audit log against its signed checkpoints and reports what is wrong: " +
                "broken links, a cut tail, a chain rewritten without the signing key. Supervisors and admins.")
            .Argument<StringGraphType>("checkpoint", "A checkpoint exported earlier (the JSON of 'audit checkpoint export' or AuditCheckpoint.exported), to check against as well.")
            .ResolveAsync(async c =>
            {
                RoleCheck.Require(c.User, "Verifying the audit log", Role.Supervisor);
                var exported = c.GetArgument<string?>("checkpoint") is { } json ? AuditCheckpointFile.Read(json, "checkpoint") : null;
                return await c.Service<AuditLog>().VerifyAsync(c.CancellationToken, exported);
            });

        Field<AuditCheckpointType>("auditCheckpoint")
            .Description("The signed head of the audit log, to export and keep elsewhere; null while the log is empty. Supervisors and admins.")
            .ResolveAsync(async c =>
            {
                RoleCheck.Require(c.User, "Reading the audit checkpoint", Role.Supervisor);
                return await c.Service<AuditLog>().SignedHeadAsync(c.CancellationToken);
            });

        AccountFields.AddQueries(this);
        AnalyticsQueryFields.Add(this);
        RequestFields.AddQueries(this);
        InterchangeQueryFields.Add(this);
    }
}
