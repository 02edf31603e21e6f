using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>Analysts for the console's browser tests: created through the API, their own password chosen, signed in.</summary>
public static class ConsoleAnalysts
{
    /// <summary>A new analyst, on the demo case's team or not, signed in in a fresh browser context.</summary>
    public static async Task<ConsolePageWatch> SignedInAnalystAsync(this ConsoleFixture fixture, string username, bool onTheCase, string ownPassword)
    {
        await fixture.Server.DataAsync($$"""mutation { createUser(input: { username: "{{username}}", roles: [ANALYST], password: "one-time password 123" }) { id } }""");
        await fixture.Server.SignInFirstTimeAsync(username, "one-time password 123", ownPassword);
        if (onTheCase)
        {
            var team = await fixture.Server.DataAsync("""{ case(id: "demo-case") { team } }""");
            var members = team["case"]!["team"]!.AsArray().Select(m => m!.GetValue<string>()).Append(username).Distinct();
            await fixture.Server.DataAsync("mutation($team: [String!]!) { updateCase(input: { id: \"demo-case\", reason: \"staffing\", team: $team }) { team } }",
                new { team = members.ToArray() });
        }
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        await watch.SignInAsync(fixture.Address("/"), username, ownPassword);
        await Assertions.Expect(watch.Page.Locator(".who")).ToContainTextAsync(username);
        return watch;
    }
}
