using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>Users for the console's browser tests: created through the API, their own password chosen, signed in.</summary>
public static class ConsoleUsers
{
    /// <summary>A new user with <paramref name="roles"/> (GraphQL enum names) who has chosen <paramref name="ownPassword"/>.</summary>
    public static async Task CreateConsoleUserAsync(this IConsoleHost fixture, string username, string ownPassword, params string[] roles)
    {
        await fixture.Server.DataAsync($$"""mutation { createUser(input: { username: "{{username}}", roles: [{{string.Join(", ", roles)}}], password: "one-time password 123" }) { id } }""");
        await fixture.Server.SignInFirstTimeAsync(username, "one-time password 123", ownPassword);
    }

    /// <summary>An existing user signed in in a fresh browser context, on a live page.</summary>
    public static async Task<ConsolePageWatch> SignedInAsync(this IConsoleHost fixture, string username, string ownPassword)
    {
        var watch = await ConsolePageWatch.OpenAsync(fixture.Browser);
        await watch.SignInAsync(fixture.Address("/"), username, ownPassword);
        await Assertions.Expect(watch.Page.Locator(".who")).ToContainTextAsync(username);
        // A link clicked while the page's circuit starts can be lost on a busy machine: tests begin on a live page.
        await watch.InteractiveAsync();
        return watch;
    }

    /// <summary>A new user of <paramref name="role"/>, on the demo case's team or not, signed in in a fresh browser context.</summary>
    public static async Task<ConsolePageWatch> SignedInNewUserAsync(this IConsoleHost fixture, string username, string role, bool onTheCase, string ownPassword)
    {
        await fixture.CreateConsoleUserAsync(username, ownPassword, role);
        if (onTheCase)
        {
            await fixture.JoinDemoCaseAsync(username);
        }
        return await fixture.SignedInAsync(username, ownPassword);
    }

    /// <summary>A new analyst, on the demo case's team or not, signed in in a fresh browser context.</summary>
    public static Task<ConsolePageWatch> SignedInAnalystAsync(this IConsoleHost fixture, string username, bool onTheCase, string ownPassword) =>
        fixture.SignedInNewUserAsync(username, "ANALYST", onTheCase, ownPassword);

    /// <summary>Adds the user to the demo case's team, keeping whoever is on it.</summary>
    public static async Task JoinDemoCaseAsync(this IConsoleHost fixture, string username)
    {
        var team = await fixture.Server.DataAsync("""{ case(id: "demo-case") { team } }""");
        var members = team["case"]!["team"]!.AsArray().Select(m => m!.GetValue<string>()).Append(username).Distinct();
        await fixture.Server.DataAsync("mutation($team: [String!]!) { updateCase(input: { id: \"demo-case\", reason: \"staffing\", team: $team }) { team } }",
            new { team = members.ToArray() });
    }
}
