namespace AssetTrace.Matching.Screening;

public static class ScreeningServices
{
    /// <summary>Screening of name lists (#14); needs the matching and analytics services of the core.</summary>
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddSingleton<Screener>();
        return services;
    }
}
