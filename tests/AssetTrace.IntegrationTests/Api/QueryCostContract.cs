using System.Text;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Api;

/// <summary>
/// What one query may cost (#11): aliases, field costs and the complexity limit, the answer's
/// size, and the introspection query every GraphQL client sends; over HTTP, on both stores.
/// </summary>
public abstract class QueryCostContract(StoreKind kind) : IAsyncLifetime
{
    private readonly List<ServerHarness> _servers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    private async Task<ServerHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var configuration = await TestDatabases.CreateAsync(kind);
        configuration["Demo:Load"] = "true";
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }
        var server = await ServerHarness.StartAsync(configuration, ownsStore: true);
        _servers.Add(server);
        return server;
    }

    /// <summary>A CARIN request in English and Russian, drafted through the API as the README shows.</summary>
    private static async Task<string> DraftRequestAsync(ServerHarness server)
    {
        var data = await server.DataAsync("""
            mutation { draftRequest(input: { caseId: "demo-case", network: "CARIN", jurisdiction: "GB",
              body: { subjectIds: ["demo-serik-akhmetov", "demo-flat-london"], questions: ["real_estate", "company_register"],
                      legalBasis: "CARIN informal cooperation", languages: ["en", "ru"] } }) { id } }
            """);
        return data["draftRequest"]!["id"]!.GetValue<string>();
    }

    private static string Aliased(int count, string field) =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: {field} ")) + "}";

    private static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    private static string Message(JsonObject body) => body["errors"]![0]!["message"]!.GetValue<string>();

    [Fact]
    public async Task Five_hundred_aliases_of_the_PDF_letters_are_refused_before_anything_runs()
    {
        var server = await StartAsync();
        var id = await DraftRequestAsync(server);
        var query = Aliased(500, $"requestLetters(id: \"{id}\") {{ pdfBase64 }}");
        Assert.InRange(Encoding.UTF8.GetByteCount(query), 30_000, 50_000);

        var (status, body) = await server.GraphQLAsync(query);

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("TOO_MANY_ALIASES", Code(body));
        Assert.Contains("'requestLetters' is selected 500 times", Message(body), StringComparison.Ordinal);
        Assert.Contains("Query.requestLetters allows at most 1", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_aliases_from_a_commission_member_are_refused_and_one_letter_set_still_renders()
    {
        var server = await StartAsync();
        var id = await DraftRequestAsync(server);
        await server.DataAsync("""
            mutation { createUser(input: { username: "commissioner", roles: [COMMISSION], password: "a long enough password" }) { id } }
            """);
        var token = await server.SignInFirstTimeAsync("commissioner", "a long enough password", "the commissioner's own password");

        var (status, body) = await server.GraphQLAsync(Aliased(50, $"requestLetters(id: \"{id}\") {{ pdfBase64 }}"), token: token);
        Assert.Equal(400, status);
        Assert.Equal("TOO_MANY_ALIASES", Code(body));
        Assert.Contains("selected 50 times", Message(body), StringComparison.Ordinal);

        // Two aliases are already too many for the PDFs, even spread through a fragment.
        var (twoStatus, two) = await server.GraphQLAsync(
            $"query {{ a: requestLetters(id: \"{id}\") {{ text }} ...More }} fragment More on Query {{ b: requestLetters(id: \"{id}\") {{ text }} }}", token: token);
        Assert.Equal(400, twoStatus);
        Assert.Contains("selected 2 times", Message(two), StringComparison.Ordinal);

        // The aliases are refused before the role is even asked; the letters themselves are for the request desk.
        var one = await server.DataAsync($"{{ requestLetters(id: \"{id}\") {{ language pdfBase64 }} }}");
        var letters = one["requestLetters"]!.AsArray();
        Assert.Equal(["en", "ru"], letters.Select(l => l!["language"]!.GetValue<string>()));
        Assert.All(letters, l => Assert.StartsWith("JVBERi0", l!["pdfBase64"]!.GetValue<string>(), StringComparison.Ordinal)); // %PDF-
    }

    [Fact]
    public async Task Cheap_fields_may_be_aliased_up_to_the_configured_limit()
    {
        var server = await StartAsync(("Api:MaxAliasesPerField", "4"));

        var four = await server.DataAsync(Aliased(4, "node(id: \"demo-flat-london\") { name }"));
        Assert.Equal(4, four.Count);

        var (status, body) = await server.GraphQLAsync(Aliased(5, "node(id: \"demo-flat-london\") { name }"));
        Assert.Equal(400, status);
        Assert.Contains("Query.node allows at most 4", Message(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_follow_the_work_of_analyses_with_paths()
    {
        var server = await StartAsync();

        // The README's analyst query is well within the limit …
        await server.DataAsync("""
            { beneficialOwners(id: "demo-flat-london") { name paths { nodes { name } edges { share { low } provenance { source } } } }
              wealth(id: "demo-serik-akhmetov") { own { highUsd } } }
            """);

        // … but a hundred paths per owner, each with its nodes' neighbours, is not: the id argument
        // no longer makes an analysis count as one item.
        var (status, body) = await server.GraphQLAsync("""
            { beneficialOwners(id: "demo-flat-london", maxPaths: 100) { paths { nodes { neighbours(first: 100) { items { node { name } } } } } } }
            """);
        Assert.Equal(400, status);
        Assert.Contains("complexity", Message(body), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_is_refused_whole_with_a_clear_error()
    {
        var server = await StartAsync(("Api:MaxResponseBytes", "20000"));
        var id = await DraftRequestAsync(server);

        var (status, body) = await server.GraphQLAsync($"{{ requestLetters(id: \"{id}\") {{ language pdfBase64 }} }}");

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("RESPONSE_TOO_LARGE", Code(body));
        Assert.Contains("larger than 20000 bytes (Api:MaxResponseBytes)", Message(body), StringComparison.Ordinal);

        // The same server answers what fits.
        var text = await server.DataAsync($"{{ requestLetters(id: \"{id}\") {{ language subject }} }}");
        Assert.Equal(2, text["requestLetters"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_request_in_all_six_UN_languages_fits_its_PDFs_under_the_default_limit()
    {
        var server = await StartAsync();
        var data = await server.DataAsync("""
            mutation { draftRequest(input: { caseId: "demo-case", network: "CARIN", jurisdiction: "GB",
              body: { subjectIds: ["demo-serik-akhmetov", "demo-flat-london"], questions: ["real_estate"],
                      legalBasis: "CARIN informal cooperation", languages: ["en", "ru", "fr", "es", "ar", "zh"] } }) { id } }
            """);
        var id = data["draftRequest"]!["id"]!.GetValue<string>();

        var letters = (await server.DataAsync($"{{ requestLetters(id: \"{id}\") {{ language pdfBase64 }} }}"))["requestLetters"]!.AsArray();

        Assert.Equal(["en", "ru", "fr", "es", "ar", "zh"], letters.Select(l => l!["language"]!.GetValue<string>()));
        // Over 4 MB in all: a smaller default would refuse the office's own letters.
        Assert.True(letters.Sum(l => l!["pdfBase64"]!.GetValue<string>().Length) > 4 * 1024 * 1024);
    }

    [Fact]
    public async Task A_large_list_is_cut_off_while_it_is_built()
    {
        var server = await StartAsync(("Api:MaxResponseBytes", "3000"));

        var (status, body) = await server.GraphQLAsync(File.ReadAllText(Interchange.Fixtures.Path("introspection/" + "graphiql.graphql")));

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("RESPONSE_TOO_LARGE", Code(body));
    }

    [Theory]
    [InlineData("graphiql.graphql")]
    [InlineData("extended.graphql")]
    public async Task The_introspection_query_that_clients_send_is_accepted_at_the_default_limits(string fixture)
    {
        var server = await StartAsync();

        var data = await server.DataAsync(File.ReadAllText(Interchange.Fixtures.Path("introspection/" + fixture)));

        var types = data["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Query", types);
        Assert.Contains("BeneficialOwner", types);
        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_walk_through_the_schema_deeper_than_clients_go_is_still_refused()
    {
        var server = await StartAsync();

        var (status, body) = await server.GraphQLAsync(
            "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } } } }");

        Assert.Equal(400, status);
        Assert.Contains("complexity", Message(body), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteQueryCostTests() : QueryCostContract(StoreKind.Sqlite);

public sealed class PostgresQueryCostTests() : QueryCostContract(StoreKind.Postgres);
