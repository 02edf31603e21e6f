using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Analytics.RedFlags;
using AssetTrace.Analytics.Wealth;

namespace AssetTrace.Analytics;

public static class AnalyticsServices
{
    /// <summary>The analytics engine, its cache (Redis when ConnectionStrings:Redis is set) and its reference data.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AnalyticsOptions>(configuration.GetSection("Analytics"));
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
        }
        else
        {
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = configuration["Analytics:CachePrefix"] ?? "assettrace:";
            });
        }
        services.Configure<SnapshotOptions>(configuration.GetSection("Analytics:Snapshot"));
        services.AddSingleton<SnapshotProvider>();
        services.AddSingleton<AnalyticsCache>();
        services.AddSingleton<ExchangeRateStore>();
        services.AddSingleton(_ => SecrecyJurisdictions.Load(configuration["Analytics:SecrecyJurisdictionsFile"] ?? SecrecyJurisdictions.DefaultFile));
        services.AddSingleton<OwnershipAnalytics>();
        return services;
    }

    /// <summary>The server's snapshot file: read at start when there is one, written in the background (#18).</summary>
    public static IServiceCollection AddAnalyticsHostedServices(this IServiceCollection services) =>
        services.AddHostedService<SnapshotFileKeeper>();
}
