using System.Net;
using System.Net.Http.Json;
using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// Every response carries the Content-Security-Policy, nosniff and no-referrer (#11). The
/// headers do not depend on the store, so this runs on SQLite only.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private ServerHarness _server = null!;

    public async Task InitializeAsync() => _server = await ServerHarness.StartAsync(StoreKind.Sqlite, loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string> Pages => new() { "/graphiql/", "/graphiql/index.js", "/graphiql/vendor/graphiql.min.css", "/graphiql", "/", "/signin", "/entities/demo-flat-london", "/health", "/nowhere" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_scripts_redirects_and_missing_files_carry_the_headers(string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Client.BaseAddress };
        AssertHeaders(await anonymous.GetAsync(path), path);
    }

    [Fact]
    public async Task GraphQL_answers_and_refusals_carry_the_headers()
    {
        var answer = await _server.Client.PostAsJsonAsync("/graphql", new { query = "{ me { username } }" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        AssertHeaders(answer, "/graphql");

        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        var refused = await anonymous.PostAsJsonAsync("/graphql", new { query = "{ me { username } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertHeaders(refused, "/graphql");

        AssertHeaders(await anonymous.PostAsJsonAsync("/auth/login", new { username = "tester", password = "wrong" }), "/auth/login");
    }

    /// <remarks>The web console's pages (#13) may set their base URL to this server (Blazor's router reads it); the API and GraphiQL may not.</remarks>
    private static void AssertHeaders(HttpResponseMessage response, string path)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var api = path.StartsWith("/graphiql", StringComparison.Ordinal) || path.StartsWith("/graphql", StringComparison.Ordinal) || path.StartsWith("/auth", StringComparison.Ordinal);
        Assert.Equal(api ? SecurityHeaders.ContentSecurityPolicy : SecurityHeaders.ConsolePolicy, policy);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self';", "style-src 'self';", "object-src 'none'", "frame-ancestors 'none'", api ? "base-uri 'none'" : "base-uri 'self'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
