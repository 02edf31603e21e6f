using AssetTrace.Api.Batching;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Roster;
using AssetTrace.Roster.Entries;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Snapshots;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Watch;

public sealed class LeadType : ObjectGraphType<Lead>
{
    public LeadType()
    {
        Name = "Lead";
        Description = "A snapshot of an open source that names a subject of a case you work on (or of its roster entries).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<IdGraphType>>("caseId").Resolve(c => c.Source.CaseId);
        Field<NodeType>("node").Description("The watched node the page matched.")
            .ResolveAsync(async c => await c.NodeAsync(c.Source.NodeId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterEntryType>>>>("rosterEntries").Description("The roster entries of the lead's case on the matched person, for the Commission.")
            .ResolveAsync(async c => (await LeadRosterEntries.OfAsync(c.Service<RosterStore>(), await c.ViewerAsync(), [c.Source], c.CancellationToken))[c.Source.Id]);
        Field<NonNullGraphType<StringGraphType>>("matchedText").Description("The words of the page that matched.").Resolve(c => c.Source.MatchedText);
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("explanation").Resolve(c => c.Source.Explanation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtractedValueType>>>>("values").Description("What the page's record holds, each value with its element.").Resolve(c => c.Source.Record.Values);
        Field<NonNullGraphType<SnapshotType>>("snapshot")
            .ResolveAsync(async c => await c.Service<SnapshotStore>().GetAsync(c.Source.SnapshotId, c.CancellationToken));
        Field<NonNullGraphType<LeadStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("decidedAt").Resolve(c => c.Source.DecidedAt);
        Field<StringGraphType>("decidedBy").Resolve(c => c.Source.DecidedBy);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("facts").Description("The nodes and edges an acceptance wrote.").Resolve(c => c.Source.Facts);
    }
}

public sealed class ExtractedValueType : ObjectGraphType<ExtractedValue>
{
    public ExtractedValueType()
    {
        Name = "ExtractedValue";
        Field<NonNullGraphType<StringGraphType>>("property").Resolve(c => c.Source.Property);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("element").Description("Where in the snapshot: a CSS path, an XPath or a JSON path.").Resolve(c => c.Source.Element);
    }
}

public sealed class SnapshotType : ObjectGraphType<Snapshot>
{
    public SnapshotType()
    {
        Name = "Snapshot";
        Description = "A dated copy of a page: its address, status, time and the SHA-256 of its body.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
        Field<NonNullGraphType<IntGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("fetchedAt").Resolve(c => c.Source.FetchedAt);
        Field<NonNullGraphType<StringGraphType>>("sha256").Resolve(c => c.Source.Sha256);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Resolve(c => c.Source.Truncated);
    }
}
