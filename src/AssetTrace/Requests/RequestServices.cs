using AssetTrace.Hosting;
using AssetTrace.Mail;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Deadlines;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;
using Microsoft.Data.Sqlite;
using Quartz;

namespace AssetTrace.Requests;

public static class RequestServices
{
    /// <summary>
    /// The request desk and its scheduler. Quartz keeps its triggers in the same database as the
    /// graph, in tables it provisions itself at start (they must match the Quartz version exactly,
    /// so the library's own scripts are used rather than a copy).
    /// </summary>
    public static IServiceCollection AddRequests(this IServiceCollection services, IConfiguration configuration, StoreChoice database)
    {
        var referenceData = Path.Combine(AppContext.BaseDirectory, "reference-data");
        services.AddSingleton(_ => RequestCatalogue.Load(configuration["Requests:ReferenceDataDirectory"] ?? referenceData));
        services.AddSingleton<NetworkDirectory>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<LetterTemplates>();
        services.AddSingleton<LetterComposer>();
        services.AddSingleton<RequestDocuments>();
        services.AddSingleton<ConsentLedger>();
        services.AddSingleton<RequestDeadlines>();
        services.AddSingleton<RequestDesk>();
        services.AddSingleton<RequestFigureReader>();
        services.AddSingleton<HoldingPen>();
        services.AddSingleton<IMailEvents, RequestMailEvents>();

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
                }
                store.ProvisionSchema();
            });
        });
        return services;
    }
}
