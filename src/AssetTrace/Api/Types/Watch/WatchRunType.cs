using AssetTrace.Watch.Runs;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Watch;

public sealed class WatchRunType : ObjectGraphType<WatchRun>
{
    public WatchRunType()
    {
        Name = "WatchRun";
        Description = "One crawl of a source: pages fetched, unchanged (304 or the same body), changed (snapshotted and read), failed, and the latest errors.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<NonNullGraphType<StringGraphType>>("startedBy").Resolve(c => c.Source.StartedBy);
        Field<DateTimeOffsetGraphType>("finishedAt").Resolve(c => c.Source.FinishedAt);
        Field<NonNullGraphType<BooleanGraphType>>("running").Resolve(c => c.Source.Status == WatchRun.Running);
        Field<NonNullGraphType<IntGraphType>>("fetched").Resolve(c => c.Source.Fetched);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("changed").Resolve(c => c.Source.Changed);
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => c.Source.Failed);
        Field<NonNullGraphType<IntGraphType>>("leads").Description("Leads raised, over every case (those of cases you do not see included, as a count).").Resolve(c => c.Source.Leads);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("errors").Description("The latest errors, oldest first (at most 20).").Resolve(c => c.Source.Errors);
    }
}
