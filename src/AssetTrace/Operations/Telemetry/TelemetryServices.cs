using System.Net;
using AssetTrace.Accounts;
using AssetTrace.Graph.Model;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AssetTrace.Operations.Telemetry;

/// <summary>
/// OpenTelemetry for the server (#19): the "AssetTrace" meter with ASP.NET Core, HTTP client and runtime
/// metrics, scraped at <c>/metrics</c> in Prometheus's format; traces from the HTTP request through the
/// GraphQL operation to PostgreSQL (Npgsql's own source); both sent by OTLP when Telemetry:OtlpEndpoint is set.
/// </summary>
public static class TelemetryServices
{
    public static IServiceCollection AddOperationsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:OtlpEndpoint"];
        services.AddSingleton<ObservedState>();
        services.AddHostedService(provider => provider.GetRequiredService<ObservedState>());
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("assettrace"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AssetTraceTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        // Spans are only recorded when they have somewhere to go: with no collector, a span for every request, field and
        // SQL command would be built and dropped (docs/BENCHMARKS.md, "prepared statements").
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(AssetTraceTelemetry.Name, "Npgsql").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return services;
    }

    /// <summary>
    /// <c>/metrics</c>: counts and timings, no facts, but they tell how the office works, so it is served to
    /// a scraper on the same machine (loopback, unless Telemetry:MetricsFromLoopback is false) or to an admin's
    /// bearer token (an API token made for the scraper), and refused with 403 to anyone else.
    /// </summary>
    public static void MapOperationsTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<ObservedState>().Register();
        var loopback = app.Configuration.GetValue("Telemetry:MetricsFromLoopback", true);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (context, next) =>
        {
            var fromLoopback = loopback && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
            if (!fromLoopback && !context.User.IsInRole(Codes.Of(Role.Admin)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Metrics are served to loopback and to an admin's bearer token.");
                return;
            }
            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics");
    }
}
