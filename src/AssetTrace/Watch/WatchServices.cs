using AssetTrace.Graph.Schema;
using AssetTrace.Watch.Fetching;
using AssetTrace.Watch.Leads;
using AssetTrace.Watch.Runs;
using AssetTrace.Watch.Snapshots;
using AssetTrace.Watch.Sources;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetTrace.Watch;

/// <summary>The open-source watch (#15): sources, fetching, snapshots, leads and the job that runs them.</summary>
public static class WatchServices
{
    public static IServiceCollection AddWatch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new WatchOptions();
        configuration.GetSection("Watch").Bind(options);
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection("Watch"))
            .Validate(o => Uri.TryCreate(o.ConsoleAddress, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Watch:ConsoleAddress must be the console's absolute http or https address, e.g. https://assettrace.office.example/.")
            .ValidateOnStart();
        services.AddSingleton(provider => WatchSources.Load(Path.GetFullPath(options.SourcesDirectory, AppContext.BaseDirectory), provider.GetRequiredService<GraphSchema>()));
        // TryAdd: tests give fixture host names their loopback address.
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddHttpClient(PageFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => GuardedConnection.CreateHandler(provider.GetRequiredService<IHostResolver>()))
            // The source's own limits apply per request; the client's default would cut a slow page the source allows.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<HostRate>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<WarcExport>();
        services.AddSingleton<WarcDownloads>();
        services.AddSingleton<SnapshotVerifier>();
        services.AddSingleton<LeadStore>();
        services.AddSingleton<LeadDigest>();
        services.AddSingleton<WatchRunStore>();
        services.AddSingleton<CrawlRunner>();
        services.AddSingleton<WatchScheduler>();
        services.AddTransient<WatchJob>();
        return services;
    }

    /// <summary>The schedules, in the server only (the shell never starts the scheduler).</summary>
    public static IServiceCollection AddWatchSchedules(this IServiceCollection services) => services.AddHostedService<WatchStartup>();
}
