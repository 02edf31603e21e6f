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

    public static TheoryData<string> Pages => new() { "/graphiql/", "/graphiql/index.js", "/graphiql/vendor/graphiql.min.css", "/graphiql", "/", "/health", "/nowhere" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_scripts_redirects_and_missing_files_carry_the_headers(string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.Client.BaseAddress };
        AssertHeaders(await anonymous.GetAsync(path));
    }

    [Fact]
    public async Task GraphQL_answers_and_refusals_carry_the_headers()
    {
        var answer = await _server.Client.PostAsJsonAsync("/graphql", new { query = "{ me { username } }" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        AssertHeaders(answer);

        using var anonymous = new HttpClient { BaseAddress = _server.Client.BaseAddress };
        var refused = await anonymous.PostAsJsonAsync("/graphql", new { query = "{ me { username } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertHeaders(refused);

        AssertHeaders(await anonymous.PostAsJsonAsync("/auth/login", new { username = "tester", password = "wrong" }));
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
