using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Hosting;
using AssetTrace.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>
/// The real server on a free loopback port over a fresh store, and a client signed in as
/// the first admin. Each test starts its own.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private IDictionary<string, string?>? _ownedStore;

    private ServerHarness(WebApplication app, HttpClient client, string adminPassword)
    {
        _app = app;
        Client = client;
        AdminPassword = adminPassword;
    }

    public HttpClient Client { get; }

    public string AdminPassword { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="services">Registers replacements before the app's own services, e.g. a FakeTimeProvider as TimeProvider.</param>
    /// <param name="settings">Configuration beside the store's, e.g. a limit the test is about.</param>
    public static async Task<ServerHarness> StartAsync(StoreKind kind, bool loadDemo = true, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var storeSettings = await TestDatabases.CreateAsync(kind);
        storeSettings["Demo:Load"] = loadDemo ? "true" : "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            storeSettings[key] = value;
        }
        return await StartAsync(storeSettings, services, ownsStore: true);
    }

    /// <summary>Starts the server on the store and settings given (see <see cref="TestDatabases.CreateAsync"/>).</summary>
    /// <param name="ownsStore">true: the store's data folder is deleted with the server (no other server will open it).</param>
    public static async Task<ServerHarness> StartAsync(IDictionary<string, string?> storeSettings, Action<IServiceCollection>? services = null, bool ownsStore = false)
    {
        // Keep test output to failures: appsettings.json would log every start at Information.
        var settings = new Dictionary<string, string?>(storeSettings) { ["Logging:LogLevel:Default"] = "Error" };
        // A test's first analytics question waits for the graph however busy the machine is; a test of the WARMING
        // answer sets its own wait (#18).
        settings.TryAdd("Analytics:Snapshot:WarmingWaitSeconds", "60");
        var app = WebApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            services?.Invoke(builder.Services);
        });
        await CoreServices.PrepareStoreAsync(app.Services, app.Configuration, CancellationToken.None);
        // The first-run password is only ever printed, so the harness sets its own admin up
        // (once per store: two servers may share one).
        const string password = "test-admin-password";
        var accounts = app.Services.GetRequiredService<AssetTrace.Accounts.AccountStore>();
        if (await accounts.FindUserAsync("tester", CancellationToken.None) is null)
        {
            await accounts.CreateUserAsync("tester", "Test Admin", [AssetTrace.Accounts.Role.Admin], password, "test", CancellationToken.None);
        }
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        var harness = new ServerHarness(app, client, password) { _ownedStore = ownsStore ? storeSettings : null };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await harness.SignInAsync("tester", password));
        return harness;
    }

    public async Task<string> SignInAsync(string username, string password)
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>The first sign-in of a user whose password is one-time (createUser, resetPassword): chooses a new one, returns a session token.</summary>
    public async Task<string> SignInFirstTimeAsync(string username, string oneTimePassword, string newPassword)
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };
        var response = await anonymous.PostAsJsonAsync("/auth/password", new { username, currentPassword = oneTimePassword, newPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    /// <summary>Posts a GraphQL request and returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonObject Body)> GraphQLAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Runs a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string query, object? variables = null, string? token = null)
    {
        var (status, body) = await GraphQLAsync(query, variables, token);
        Assert.True(status == 200 && body["errors"] is null, $"HTTP {status}: {body.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return body["data"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // A store the caller made may be opened again by the next server: only one this harness made is deleted.
        if (_ownedStore is not null)
        {
            TestDatabases.Delete(_ownedStore);
        }
    }
}
