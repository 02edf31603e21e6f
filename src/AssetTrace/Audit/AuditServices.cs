using AssetTrace.Audit.Checkpoints;
using AssetTrace.Hosting;
using Microsoft.Extensions.Options;

namespace AssetTrace.Audit;

public static class AuditServices
{
    /// <summary>The log, its verifier and checkpoints, and the signing key (made on first use).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration, StoreChoice store)
    {
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.AddSingleton(provider =>
            AuditSigningKey.LoadOrCreate(provider.GetRequiredService<IOptions<AuditOptions>>().Value.KeyPath(store.DataDirectory)));
        services.AddSingleton<AuditCheckpointStore>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditLog>();
        return services;
    }

    /// <summary>The scheduled checkpoint; the server runs it, shell commands do not.</summary>
    public static IServiceCollection AddAuditHostedServices(this IServiceCollection services) =>
        services.AddHostedService<AuditCheckpointWorker>();

    /// <summary>
    /// Loads the signing key before anything is served (a key file others may read, or a damaged
    /// one, stops the start here) and seals a log that is older than its key.
    /// </summary>
    public static async Task PrepareAuditAsync(IServiceProvider services, CancellationToken ct)
    {
        _ = services.GetRequiredService<AuditSigningKey>();
        try
        {
            await services.GetRequiredService<AuditLog>().KeepCheckpointAsync(ct);
        }
        catch (Common.ConflictException e)
        {
            // Serve anyway, so that supervisors can see what is wrong (auditVerification); changes are refused meanwhile.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditServices)).LogError("{Problem}", e.Message);
        }
    }
}
