using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Downloads;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Fund;
using AssetTrace.Roster.Notice;

namespace AssetTrace.Roster;

public static class RosterServices
{
    /// <summary>The Commission's roster (#16): entries, candidates, notices, evaluations, the clock, court and the Special Fund.</summary>
    public static IServiceCollection AddRoster(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RosterOptions>(configuration.GetSection("Roster"));
        services.AddSingleton(_ => RosterReferenceData.Load(configuration["Roster:ReferenceDataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "reference-data")));
        services.AddSingleton<RosterStore>();
        services.AddSingleton<RosterThreshold>();
        services.AddSingleton<RosterCandidates>();
        services.AddSingleton<RosterDesk>();
        services.AddSingleton<RosterClock>();
        services.AddSingleton<RosterNotices>();
        services.AddSingleton<RosterEvaluations>();
        services.AddSingleton<RosterCourt>();
        services.AddSingleton<SpecialFund>();
        services.AddSingleton<RosterDownloads>();
        return services;
    }
}
