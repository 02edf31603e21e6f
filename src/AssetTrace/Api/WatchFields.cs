using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Watch;
using AssetTrace.Common;
using AssetTrace.Watch;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Sources;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// The open-source watch's fields (#15): its sources and runs, starting, pausing and resuming a source,
/// and the leads of the cases one works on, accepted or dismissed.
/// </summary>
public static class WatchFields
{
    private static readonly Role[] Readers = WatchRoles.Readers;
    private static readonly Role[] Operators = WatchRoles.Operators;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WatchSourceType>>>>("watchSources").Description("The open sources the watch reads, with their state and latest run.")
            .ResolveAsync(async c =>
            {
                await c.ViewerWithRoleAsync("Reading the watch's sources", Readers);
                return await StatesAsync(c, c.Service<WatchSources>().All);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WatchRunType>>>>("watchRuns").Description("Runs, newest first.")
            .Argument<IdGraphType>("source")
            .Argument<IntGraphType>("first")
            .ResolveAsync(async c =>
            {
                await c.ViewerWithRoleAsync("Reading the watch's runs", Readers);
                return await c.Service<WatchRunStore>().ListAsync(c.GetArgument<string?>("source"), c.PageSize(), c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LeadType>>>>("leads").Description("Leads of the cases you work on (every case, for admins), newest first; for Commission members, those that name a roster entry.")
            .Argument<LeadStatusEnum>("status")
            .Argument<IdGraphType>("caseId")
            .Argument<IntGraphType>("first")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerWithRoleAsync("Reading leads", WatchRoles.LeadReaders);
                return await c.Service<LeadStore>().ListAsync(viewer, c.GetArgument<LeadStatus?>("status"), c.GetArgument<string?>("caseId"), c.PageSize(), c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WatchSourceType>>("startWatchSource").Description("Runs the source now (a run cut short goes on), unless it is paused or already running.")
            .Argument<NonNullGraphType<IdGraphType>>("name")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Starting a watch source", Operators);
                var source = Find(c);
                if ((await c.Service<WatchRunStore>().PausedAsync(c.CancellationToken)).Contains(source.Name))
                {
                    throw new ConflictException($"The source '{source.Name}' is paused; resume it first.");
                }
                await c.Service<WatchScheduler>().StartNowAsync(source.Name, actor.Name, c.CancellationToken);
                return (await StatesAsync(c, [source]))[0];
            });

        mutation.Field<NonNullGraphType<WatchSourceType>>("pauseWatchSource").Description("Its schedule no longer runs it until it is resumed.")
            .Argument<NonNullGraphType<IdGraphType>>("name")
            .ResolveAsync(async c => await SetPausedAsync(c, true));

        mutation.Field<NonNullGraphType<WatchSourceType>>("resumeWatchSource")
            .Argument<NonNullGraphType<IdGraphType>>("name")
            .ResolveAsync(async c => await SetPausedAsync(c, false));

        mutation.Field<NonNullGraphType<LeadType>>("acceptLead").Description("Writes what the lead found into the graph, restricted to its case, with the snapshot (address, time, SHA-256) as its source.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Accepting a lead", Operators);
                return await c.Service<LeadStore>().AcceptAsync(c.GetArgument<string>("id"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<LeadType>>("dismissLead")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Dismissing a lead", Operators);
                return await c.Service<LeadStore>().DismissAsync(c.GetArgument<string>("id"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });
    }

    private static async Task<WatchSourceState> SetPausedAsync(IResolveFieldContext c, bool paused)
    {
        var actor = await c.ViewerWithRoleAsync(paused ? "Pausing a watch source" : "Resuming a watch source", Operators);
        var source = Find(c);
        await c.Service<WatchRunStore>().SetPausedAsync(source.Name, paused, actor.Name, c.CancellationToken);
        return (await StatesAsync(c, [source]))[0];
    }

    private static WatchSource Find(IResolveFieldContext c) =>
        c.Service<WatchSources>().Find(c.GetArgument<string>("name")) ?? throw new NotFoundException("watch source", c.GetArgument<string>("name"));

    private static async Task<List<WatchSourceState>> StatesAsync(IResolveFieldContext c, IReadOnlyList<WatchSource> sources)
    {
        var runs = c.Service<WatchRunStore>();
        var paused = await runs.PausedAsync(c.CancellationToken);
        var states = new List<WatchSourceState>();
        foreach (var source in sources)
        {
            var latest = (await runs.ListAsync(source.Name, 1, c.CancellationToken)).FirstOrDefault();
            states.Add(new WatchSourceState(source, paused.Contains(source.Name), latest));
        }
        return states;
    }
}
