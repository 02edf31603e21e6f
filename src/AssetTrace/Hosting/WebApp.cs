using AssetTrace.Accounts;
using AssetTrace.Analytics;
using AssetTrace.Api;
using AssetTrace.Api.Limits;
using AssetTrace.Audit;
using AssetTrace.Mail;
using AssetTrace.Matching.Screening;
using AssetTrace.Operations.Health;
using AssetTrace.Operations.Logging;
using AssetTrace.Operations.Telemetry;
using AssetTrace.Recovery;
using AssetTrace.Watch;
using AssetTrace.WebConsole;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Quartz;

namespace AssetTrace.Hosting;

/// <summary>The web server: the GraphQL API, sign-in, the GraphQL IDE page and the web console.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Configuration and the IDE page ship beside the binary, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);
        builder.UseFrameworkScripts();
        var services = builder.Services;
        services.AddAssetTraceCore(builder.Configuration);
        services.AddRecovery();
        services.AddScreening();
        services.AddMailHostedServices();
        services.AddAuditHostedServices();
        services.AddAnalyticsHostedServices();
        // Reminders and overdue flags fire in the server only; shell commands never start the scheduler.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.Configure<ApiLimits>(builder.Configuration.GetSection("Api"));
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiLimits>>().Value);
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddConsole();
        services.AddOperationsHealth(builder.Configuration);
        services.AddOperationsTelemetry(builder.Configuration);
        services.AddWatch(builder.Configuration).AddWatchSchedules();
        // changePassword throttles by client address, like sign-in.
        services.AddHttpContextAccessor();
        services.AddProblemDetails();

        // Depth, complexity, aliases and expensive fields are checked by the rules of QueryLimits,
        // which the endpoint hands to every execution; the answer's size by the execution strategies.
        services.AddSingleton<ExpensiveFieldLimiter>();
        services.AddSingleton<QueryLimits>();
        // One per request: the nodes and edges its answer shows are read in batches (#18).
        services.AddScoped<Api.Batching.GraphReadBatches>();
        services.AddGraphQL(graphql => graphql
            .AddSchema<AssetTraceSchema>()
            .AddGraphTypes(typeof(AssetTraceSchema).Assembly)
            .AddSchemaVisitor<FieldCostVisitor>()
            .AddExecutionStrategy<SizeCountingParallelStrategy>(OperationType.Query)
            .AddExecutionStrategy<SizeCountingSerialStrategy>(OperationType.Mutation)
            // Names in Cyrillic, Kazakh and Arabic are sent as they are, not as \u escapes.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All))
            .UseMiddleware<DomainErrorMiddleware>()
            .UseMiddleware<RootFieldSpanMiddleware>()
            .AddErrorInfoProvider(options => options.ExposeData = true));

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseConsoleNotFoundPage();
        app.Use((context, next) =>
        {
            // The IDE page loads its scripts by relative path, so it must be addressed as a folder.
            if (context.Request.Path.Value == "/graphiql")
            {
                context.Response.Redirect("/graphiql/");
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLogScope();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapOperationsHealth();
        app.MapOperationsTelemetry();
        app.MapLogin();
        app.MapGraphQLEndpoint();
        // The web console, at / (#13).
        app.MapConsole();
        return app;
    }

    public static async Task RunAsync(string[] args, CancellationToken ct)
    {
        var app = Build(args);
        await CoreServices.PrepareStoreAsync(app.Services, app.Configuration, ct);
        await app.StartAsync(ct);
        var database = app.Services.GetRequiredService<Storage.Database>();
        app.Logger.LogInformation("AssetTrace is serving {Store} at {Urls} — the console is at /, the GraphQL IDE at /graphiql/", database.Description, string.Join(", ", app.Urls));
        await app.WaitForShutdownAsync(ct);
    }
}
