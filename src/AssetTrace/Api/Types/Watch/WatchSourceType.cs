using AssetTrace.Watch.Runs;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Watch;

public sealed class WatchSourceType : ObjectGraphType<WatchSourceState>
{
    public WatchSourceType()
    {
        Name = "WatchSource";
        Description = "An open source the watch reads, as its file declares it, with whether it is paused and its latest run.";
        Field<NonNullGraphType<IdGraphType>>("name").Resolve(c => c.Source.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Source.Format.ToString());
        Field<NonNullGraphType<StringGraphType>>("file").Resolve(c => c.Source.Source.File);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("startUrls").Resolve(c => c.Source.Source.StartUrls.Select(u => u.AbsoluteUri));
        Field<NonNullGraphType<StringGraphType>>("schedule").Description("A Quartz cron expression, in UTC.").Resolve(c => c.Source.Source.Schedule);
        Field<NonNullGraphType<IntGraphType>>("requestsPerMinutePerHost").Resolve(c => c.Source.Source.Politeness.RequestsPerMinutePerHost);
        Field<NonNullGraphType<BooleanGraphType>>("paused").Resolve(c => c.Source.Paused);
        Field<WatchRunType>("latestRun").Resolve(c => c.Source.LatestRun);
    }
}
