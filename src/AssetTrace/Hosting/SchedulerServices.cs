using Microsoft.Data.Sqlite;
using Quartz;

namespace AssetTrace.Hosting;

public static class SchedulerServices
{
    /// <summary>
    /// The one Quartz scheduler of the process (request deadlines, the roster's clock, and what other
    /// features schedule at run time through <see cref="ISchedulerFactory"/>). It keeps its triggers in
    /// the same database as the graph, in tables it provisions itself at start (they must match the
    /// Quartz version exactly, so the library's own scripts are used rather than a copy).
    /// On PostgreSQL the store is clustered (#16): several servers on one database share the triggers,
    /// each trigger fires on one of them, and the jobs of a server that stops mid-run are recovered
    /// by another once it misses its check-ins. SQLite is one file for one server: no cluster.
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration, StoreChoice database)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                if (database.Embedded)
                {
                    store.UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(database.SqliteFile), DefaultTimeout = 30 }.ToString());
                }
                else
                {
                    store.UsePostgres(database.PostgresConnectionString!);
                    // Clustering also gives each server its own generated instance id.
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = configuration.GetValue("Scheduler:CheckinInterval", TimeSpan.FromSeconds(7.5));
                        cluster.CheckinMisfireThreshold = configuration.GetValue("Scheduler:CheckinMisfireThreshold", TimeSpan.FromSeconds(20));
                    });
                }
                store.ProvisionSchema();
            });
        });
        return services;
    }
}
