using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.Browser;

/// <summary>
/// The GraphQL IDE in a real browser under the server's Content-Security-Policy (#11): signing
/// in, loading the schema with the introspection query GraphiQL sends, and browsing the
/// documentation, with no policy violation and no script error. The page does not depend on
/// the store, so this runs on SQLite only.
/// </summary>
public sealed class GraphiQLBrowserTests : IAsyncLifetime
{
    private ServerHarness _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerHarness.StartAsync(StoreKind.Sqlite, loadDemo: false);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_user_signs_in_and_reads_the_Query_type_in_the_documentation_explorer()
    {
        var page = await _browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("script error: " + error);
        // Violations are also reported to the page itself, including ones the console shortens.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        var response = await page.GotoAsync(new Uri(_server.Client.BaseAddress!, "/graphiql/").ToString());
        Assert.NotNull(response);
        Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);

        // Before anyone signs in, the page asks for a sign-in rather than showing the server's refusal (#12).
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Sign in first");
        Assert.DoesNotContain("UNAUTHENTICATED", await page.ContentAsync(), StringComparison.Ordinal);

        await page.FillAsync("#login-username", "tester");
        await page.FillAsync("#login-password", _server.AdminPassword);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as tester (admin)");

        await page.ClickAsync("button[aria-label='Show Documentation Explorer']");
        var explorer = page.Locator("section.graphiql-doc-explorer");
        await explorer.GetByRole(AriaRole.Link, new() { Name = "Query", Exact = true }).First.ClickAsync();
        await Assertions.Expect(explorer.Locator(".graphiql-doc-explorer-title")).ToHaveTextAsync("Query");
        var fields = await explorer.Locator(".graphiql-doc-explorer-field-name").AllTextContentsAsync();
        Assert.Contains("beneficialOwners", fields);
        Assert.Contains("requestLetters", fields);
        Assert.Contains("search", fields);

        var violations = await page.EvaluateAsync<string[]>("window.__cspViolations");
        Assert.Empty(violations);
        Assert.Empty(problems);
    }
}
