using System.Diagnostics;
using AssetTrace.IntegrationTests.Analytics;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Storage;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// docker-compose.yml as an office would run it (#19): Compose reads it (<c>docker-compose config</c>, no
/// Docker daemon needed), refuses it without a database password, the server's connection string matches
/// the database service's own user, password and database, and two servers started with exactly the
/// service's environment (its host names pointed at the suite's PostgreSQL and Redis) serve one graph: a user
/// signed in on one writes there and reads through the other.
/// </summary>
public sealed class ComposeFileTests : IDisposable
{
    private const string Password = "compose-test-password";
    private readonly TestStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Compose_reads_the_file_refuses_it_without_a_password_and_its_settings_start_two_servers_on_one_graph()
    {
        var (exit, output, errors) = await ComposeConfigAsync(Password);
        Assert.True(exit == 0, $"docker-compose config failed: {errors}");
        var (missing, _, complaint) = await ComposeConfigAsync(null);
        Assert.NotEqual(0, missing);
        Assert.Contains("set POSTGRES_PASSWORD", complaint, StringComparison.Ordinal);

        var services = (YamlMappingNode)Parse(output)["services"];
        var server = Environment(services, "assettrace");
        var database = Environment(services, "postgres");
        var graph = new NpgsqlConnectionStringBuilder(server["ConnectionStrings__Graph"]);
        Assert.Equal(("postgres", 5432), (graph.Host, graph.Port));
        Assert.Equal((database["POSTGRES_DB"], database["POSTGRES_USER"], Password), (graph.Database, graph.Username, graph.Password));
        Assert.Equal(Password, database["POSTGRES_PASSWORD"]);
        Assert.Equal("redis:6379", server["ConnectionStrings__Redis"]);
        Assert.True(services.Children.ContainsKey("redis"), "the server names a redis service the file does not have");

        // The service's environment as the server reads it (A__B is A:B), its hosts pointed at the suite's servers.
        var store = await _stores.CreateAsync(StoreKind.Postgres);
        var settings = server.Where(kv => kv.Key != "ASPNETCORE_URLS").ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
        Assert.Equal(["ConnectionStrings:Graph", "ConnectionStrings:Redis", "Storage:DataDirectory"], settings.Keys.Order(StringComparer.Ordinal));
        settings["ConnectionStrings:Graph"] = store["ConnectionStrings:Graph"];
        settings["ConnectionStrings:Redis"] = System.Environment.GetEnvironmentVariable(SharedCacheTests.RedisVariable)
            ?? throw new InvalidOperationException($"{SharedCacheTests.RedisVariable} is not set: run the tests with ./test.sh.");
        settings["Storage:DataDirectory"] = store["Storage:DataDirectory"];
        settings["Demo:Load"] = "true";
        await using var first = await ServerHarness.StartAsync(settings);
        await using var second = await ServerHarness.StartAsync(settings);

        foreach (var each in new[] { first, second })
        {
            var ready = await each.Client.GetAsync("/health/ready");
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        }
        // A user created and signed in on the first server writes there and reads through the second with the same token.
        await first.DataAsync("""mutation { createUser(input: { username: "compose-analyst", roles: [ANALYST], password: "a one-time password 42" }) { id } }""");
        var token = await first.SignInFirstTimeAsync("compose-analyst", "a one-time password 42", "the analyst's own password");
        await first.DataAsync("""mutation { createNode(input: { kind: PERSON, properties: { name: "Written through the first" }, provenance: { source: MANUAL_ENTRY, restriction: EVIDENCE } }) { id } }""", token: token);
        var found = await second.DataAsync("""{ search(query: "Written through the first") { nodes { name } } }""", token: token);
        Assert.Contains("Written through the first", found.ToJsonString(), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> ComposeConfigAsync(string? password)
    {
        var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(Fixtures.RepositoryRoot, "docker-compose.yml"), "config"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Fixtures.RepositoryRoot,
        };
        start.Environment.Remove("POSTGRES_PASSWORD");
        if (password is not null)
        {
            start.Environment["POSTGRES_PASSWORD"] = password;
        }
        using var compose = Process.Start(start) ?? throw new InvalidOperationException("docker-compose did not start: ./test.sh installs it.");
        var output = compose.StandardOutput.ReadToEndAsync();
        var errors = compose.StandardError.ReadToEndAsync();
        await compose.WaitForExitAsync();
        return (compose.ExitCode, await output, await errors);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode services, string service) =>
        ((YamlMappingNode)((YamlMappingNode)services[service])["environment"]).Children
            .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value ?? "", StringComparer.Ordinal);
}
