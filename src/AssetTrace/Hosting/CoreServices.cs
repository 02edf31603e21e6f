using AssetTrace.Accounts;
using AssetTrace.Analytics;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Audit;
using AssetTrace.Cases;
using AssetTrace.Demo;
using AssetTrace.Graph.Paths;
using AssetTrace.Graph.Schema;
using AssetTrace.Graph.Store;
using AssetTrace.Mail;
using AssetTrace.Matching;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Roster;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetTrace.Hosting;

/// <summary>The services both the web server and the command line use: stores, model, audit.</summary>
public static class CoreServices
{
    public static IServiceCollection AddAssetTraceCore(this IServiceCollection services, IConfiguration configuration)
    {
        // TryAdd: a test host registers its fake clock (and a counting password hasher) first.
        services.TryAddSingleton(TimeProvider.System);
        var store = StoreChoice.From(configuration);
        services.AddSingleton(store);
        services.AddSingleton(_ => store.Open());
        services.AddSingleton(_ => GraphSchema.Load(configuration["GraphSchema:Directory"] ?? GraphSchema.DefaultDirectory));
        services.AddSingleton<GraphInputValidator>();
        services.AddSingleton<Migrator>();
        services.AddAudit(configuration, store);
        services.AddSingleton<GraphStore>();
        services.AddSingleton<GraphQueries>();
        // Real time, not the injected clock: a test host's frozen clock would keep one value of the counter for ever,
        // and no other process's change would show (#14).
        services.AddSingleton(provider => new RecentGraphVersion(provider.GetRequiredService<Database>(), TimeProvider.System,
            TimeSpan.FromMilliseconds(configuration.GetValue(RecentGraphVersion.MaxAgeKey, RecentGraphVersion.DefaultMaxAge.TotalMilliseconds))));
        services.AddSingleton<ShortestPathFinder>();
        services.AddSingleton<NeighbourhoodReader>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<Visibility.ViewerDirectory>();
        services.AddSingleton<Visibility.EntityVisibility>();
        services.AddScoped<Visibility.CurrentViewer>();
        services.AddAccounts(configuration);
        services.AddSingleton<DemoCase>();
        services.AddInterchange();
        services.AddAnalytics(configuration);
        services.AddMatching(configuration);
        services.AddMail(configuration);
        services.AddScheduler(configuration, store);
        services.AddRequests(configuration, store);
        services.AddRoster(configuration);
        return services;
    }

    /// <summary>
    /// Brings the store up to date, creates the first account on an empty store and, when
    /// configured (the default for the embedded store), loads the demo case once.
    /// </summary>
    public static async Task PrepareStoreAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        await AuditServices.PrepareAuditAsync(services, ct);
        await services.GetRequiredService<FirstRunAdmin>().EnsureAsync(ct);
        await services.GetRequiredService<ExchangeRateStore>().SeedIfEmptyAsync(ct);
        await services.GetRequiredService<NetworkDirectory>().SeedIfEmptyAsync(ct);
        if (configuration.GetValue("Demo:Load", services.GetRequiredService<StoreChoice>().Embedded))
        {
            await services.GetRequiredService<DemoCase>().LoadOnceAsync(ct);
        }
    }
}
