using AssetTrace.WebConsole.Components;
using AssetTrace.WebConsole.Dossier;
using AssetTrace.WebConsole.Components.Pages.Recovery;
using AssetTrace.WebConsole.Components.Pages.Requests;
using AssetTrace.WebConsole.Components.Pages.Roster;
using AssetTrace.WebConsole.Components.Pages.Watch;
using AssetTrace.WebConsole.SignIn;
using AssetTrace.WebConsole.Timeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace AssetTrace.WebConsole;

/// <summary>
/// The web console (#13): a Blazor Web App with interactive server rendering in the same process
/// and on the same port as the API, served at /. Its pages call the application services directly
/// with the signed-in user's Viewer (<see cref="ConsoleSession"/>).
/// </summary>
public static class ConsoleHosting
{
    /// <summary>
    /// Blazor's own script (_framework/blazor.web.js) comes with the SDK as a static web asset: a
    /// published server has it under wwwroot/, a built one finds it through the manifest the build
    /// writes beside the binary, which this reads in every environment (the host would only in
    /// Development, and by the application's name, which differs under a test host).
    /// </summary>
    public static void UseFrameworkScripts(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "assettrace.staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
            builder.WebHost.UseStaticWebAssets();
        }
    }

    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<ConsoleSession>();
        services.AddSingleton<EntityTimeline>();
        services.AddSingleton<DossierComposer>();
        services.AddScoped<Interchange.ConsoleImport>();
        services.AddScoped<Interchange.ConsoleExport>();
        // The API keeps to bearer tokens; everything else (the console's pages and its circuit's
        // connection) authenticates with the console's cookie. See ConsoleCookie.SelectScheme.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ConsoleCookie.SelectorScheme;
                options.DefaultChallengeScheme = ConsoleCookie.SelectorScheme;
            })
            .AddPolicyScheme(ConsoleCookie.SelectorScheme, null, options => options.ForwardDefaultSelector = ConsoleCookie.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ConsoleCookie>(ConsoleCookie.SchemeName, null);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "assettrace_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>
    /// An address nobody serves gets the console's not-found page (with the 404 status) instead of an
    /// empty answer the browser shows as its own error page. Only for what a browser asks for: the API
    /// and the sign-in posts keep their own answers.
    /// </summary>
    public static WebApplication UseConsoleNotFoundPage(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!AsksForAPage(context.Request))
            {
                context.Features.Get<IStatusCodePagesFeature>()!.Enabled = false;
            }
            return next(context);
        });
        return app;
    }

    public const string NotFoundPath = "/not-found";

    private static bool AsksForAPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/graphql") && !request.Path.StartsWithSegments("/auth") && !request.Path.StartsWithSegments("/console")
        && !request.Path.StartsWithSegments("/_framework") && !request.Path.StartsWithSegments("/_blazor");

    /// <summary>After UseAuthentication and UseAuthorization: the antiforgery check, the sign-in posts and the pages.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapConsoleSignIn();
        app.MapDossier();
        app.MapRequestLetters();
        app.MapRecoveryFigures();
        app.MapWatchWarc();
        app.MapRosterDocuments();
        app.MapRazorComponents<App>()
            // Hosting/SecurityHeaders already forbids framing (frame-ancestors 'none'): no second policy header.
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
