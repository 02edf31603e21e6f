using AssetTrace.Interchange.Bods;
using AssetTrace.Interchange.Export;
using AssetTrace.Interchange.FollowTheMoney;
using AssetTrace.Interchange.GraphMl;
using AssetTrace.Interchange.Icij;
using AssetTrace.Interchange.Merges;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Neo4j;
using AssetTrace.Interchange.Sanctions;

// Note: in the DI namespace, like the framework's own AddX methods, so that registering it is one line in Hosting/CoreServices.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Import and export of interchange formats (issue #4).</summary>
public static class InterchangeServices
{
    public static IServiceCollection AddInterchange(this IServiceCollection services)
    {
        services.AddSingleton<GraphBulkWriter>();
        services.AddSingleton<IImportFormat, BodsFormat>();
        services.AddSingleton<IImportFormat, FtmFormat>();
        services.AddSingleton<IImportFormat, IcijFormat>();
        services.AddSingleton<IImportFormat, UnSanctionsFormat>();
        services.AddSingleton<InterchangeImporter>();
        services.AddSingleton<GraphExtractor>();
        services.AddSingleton<IGraphExporter, Neo4jCsvExporter>();
        services.AddSingleton<IGraphExporter, Neo4jCypherExporter>();
        services.AddSingleton<IGraphExporter, GraphMlExporter>();
        services.AddSingleton<IGraphExporter, FtmExporter>();
        services.AddSingleton<IGraphExporter, BodsExporter>();
        services.AddSingleton<InterchangeExporter>();
        services.AddSingleton<MergeSuggestions>();
        return services;
    }
}
