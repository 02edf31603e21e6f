using System.Net;
using System.Net.Http.Headers;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The console's sign-in as HTTP (#13), as an attacker would try it: the session cookie's flags,
/// that it never authorises the API, the antiforgery check, redirects only to this server, and
/// that signing out revokes the token itself, not only the cookie. One server for the class.
/// </summary>
public sealed class ConsoleSignInTests(ConsoleSignInTests.ServerFixture fixture) : IClassFixture<ConsoleSignInTests.ServerFixture>
{
    public sealed class ServerFixture : IAsyncLifetime
    {
        public ServerHarness Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await ServerHarness.StartAsync(StoreKind.Sqlite, loadDemo: false);

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private ServerHarness Server => fixture.Server;

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_SameSite_Strict_and_does_not_authorise_the_API()
    {
        using var browser = new CookieBrowser(Server.Client.BaseAddress!);
        var answer = await browser.SignInAsync("tester", Server.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("assettrace_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // The same cookie sent to the API (as another site's form or fetch would make a browser do) is no sign-in there.
        using var graphql = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ me { username } }"}""") };
        graphql.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(graphql)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_posted_without_the_forms_antiforgery_token_is_refused_and_issues_no_session()
    {
        using var browser = new CookieBrowser(Server.Client.BaseAddress!);
        var answer = await browser.PostFormAsync("/console/signin", new() { ["username"] = "tester", ["password"] = Server.AdminPassword });

        Assert.Equal("/signin?error=expired", answer.Headers.Location!.OriginalString);
        Assert.DoesNotContain(answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("assettrace_console=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example/phish")]
    [InlineData("//attacker.example/phish")]
    [InlineData("/\\attacker.example")]
    public async Task After_signing_in_the_console_returns_only_to_a_page_of_this_server(string back)
    {
        using var browser = new CookieBrowser(Server.Client.BaseAddress!);
        var answer = await browser.SignInAsync("tester", Server.AdminPassword, back);
        Assert.Equal("/", answer.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Guessing_passwords_in_the_console_is_throttled_like_the_API()
    {
        await Server.DataAsync("""mutation { createUser(input: { username: "guessed", roles: [ANALYST], password: "the real password 42" }) { id } }""");
        using var browser = new CookieBrowser(Server.Client.BaseAddress!);
        for (var i = 0; i < 5; i++)
        {
            var failed = await browser.SignInAsync("guessed", $"wrong guess {i}");
            Assert.StartsWith("/signin?error=failed", failed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The right password does not help once the user name is throttled: the guesser learns nothing.
        var throttled = await browser.SignInAsync("guessed", "the real password 42");
        Assert.StartsWith("/signin?error=throttled", throttled.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds > 0);
        Assert.False(throttled.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("assettrace_console=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_token_so_a_copy_of_the_cookie_no_longer_works()
    {
        using var browser = new CookieBrowser(Server.Client.BaseAddress!);
        await browser.SignInAsync("tester", Server.AdminPassword);
        var stolen = browser.Cookie("assettrace_console");
        var page = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();

        var answer = await browser.PostFormAsync("/console/signout", new() { ["__RequestVerificationToken"] = CookieBrowser.FormToken(page) });
        Assert.Equal("/signin?signedout=1", answer.Headers.Location!.OriginalString);

        using var replay = new CookieBrowser(Server.Client.BaseAddress!);
        replay.SetCookie("assettrace_console", stolen);
        var refused = await replay.GetAsync("/entities/anything");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/signin", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var audit = (await Server.DataAsync("""{ auditLog(first: 50) { actor action reason } }"""))["auditLog"]!.AsArray();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "token.revoked" && e["actor"]!.GetValue<string>() == "tester"
            && e["reason"]!.GetValue<string>() == "signed out of the console");
    }
}
