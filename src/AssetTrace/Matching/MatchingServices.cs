namespace AssetTrace.Matching;

public static class MatchingServices
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MatchingOptions>(configuration.GetSection(MatchingOptions.Section));
        services.AddSingleton<MatchIndexProvider>();
        services.AddSingleton<NameSearch>();
        return services;
    }
}
