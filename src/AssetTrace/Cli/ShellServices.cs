using AssetTrace.Analytics.Engine.Files;
using AssetTrace.Hosting;
using AssetTrace.Matching.Screening;
using AssetTrace.Operations.Backup;

namespace AssetTrace.Cli;

/// <summary>The core services for a shell command, configured exactly as the server is (appsettings.json, environment).</summary>
public static class ShellServices
{
    /// <param name="overrides">Command-line settings such as <c>--ConnectionStrings:Graph=…</c>, applied last.</param>
    public static ServiceProvider Build(IReadOnlyList<string> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. overrides])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAssetTraceCore(configuration);
        // A shell command serves nobody else while the graph loads: it waits for it rather than answer "warming" (#18).
        services.PostConfigure<SnapshotOptions>(options => options.WarmingWaitSeconds = null);
        services.AddBackup();
        services.AddScreening();
        return services.BuildServiceProvider();
    }
}
