using AssetTrace.Hosting;
using AssetTrace.Mail;
using AssetTrace.Requests.Consent;
using AssetTrace.Requests.Deadlines;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Requests;

public static class RequestServices
{
    /// <summary>The request desk; its deadlines are Quartz triggers in the scheduler of Hosting/SchedulerServices.</summary>
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

        return services;
    }
}
