using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Measuring;

namespace AssetTrace.Benchmarks.Server;

/// <summary>What the server did under load, and its memory.</summary>
public sealed record GraphQLLoadResult(
    TimeSpan FirstRequest, TimeSpan Duration, int Clients, int Requests, int Failures, string? FirstFailure,
    IReadOnlyDictionary<string, Latencies> ByOperation, long PeakResidentBytes)
{
    /// <summary>What the server's /metrics say about the load: its own time and store commands per operation, the name lookup's steps (#14).</summary>
    public IReadOnlyList<string> ServerFigures { get; init; } = [];

    public double RequestsPerSecond => Requests / Duration.TotalSeconds;
}

/// <summary>
/// Concurrent clients sending a mix of queries over HTTP for a fixed time: a quarter beneficialOwners with the
/// paths' node names, a quarter beneficialOwners with five paths and the paths' nodes and edges with provenance
/// and edge ends (the answer #18 sets a target for: what the nodes and edges cost to read), each for a different
/// target so the cache rarely answers; a quarter search, a quarter shortestPaths (at most 8 hops, the API's
/// limit). Without search, a third each of the other three: what the engine serves through the API on its own.
/// </summary>
public static class GraphQLLoad
{
    /// <summary>The operation of <see cref="BeneficialOwnersWithPaths"/> in <see cref="GraphQLLoadResult.ByOperation"/>.</summary>
    public const string OwnersWithPaths = "beneficialOwners with paths' nodes and edges";

    private const string BeneficialOwners =
        "query Owners($id: ID!) { beneficialOwners(id: $id) { personId name lowPercent highPercent byOwnership byControl paths { hops nodes { id name } } } }";

    /// <summary>The paths of every owner whole, as an analyst's screen shows them: each fact with its source (#18).</summary>
    internal const string BeneficialOwnersWithPaths =
        "query OwnersWithPaths($id: ID!) { beneficialOwners(id: $id, maxPaths: 5) { personId name lowPercent highPercent person { id name provenance { source reference restriction } } " +
        "paths { hops lowPercent highPercent nodes { id kind name provenance { source reference obtainedAt restriction caseId } } " +
        "edges { id kind share { low high } source { id name } target { id name } provenance { source reference obtainedAt restriction caseId } } } } }";

    private const string Search = "query Search($q: String!) { search(query: $q, first: 10) { totalCount nodes { id kind name } } }";

    internal const string ShortestPaths =
        "query ShortestPaths($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxHops: 8, maxPaths: 1) { hops nodes { id name } edges { id kind } } }";

    public static Task<GraphQLLoadResult> RunAsync(ServerProcess server, Samples samples, int clients, TimeSpan duration, int seed, bool withSearch, CancellationToken ct) =>
        RunAsync([server], samples, clients, duration, seed, withSearch, ct);

    /// <summary>
    /// The same load split across several servers, client i on server i mod n (#18: two servers side by side). The
    /// first request and its time are each server's in turn; the peak memory is the largest of theirs.
    /// </summary>
    /// <param name="firstTarget">Where in the load targets to begin; by default a quarter of them on with search, half without.</param>
    public static async Task<GraphQLLoadResult> RunAsync(IReadOnlyList<ServerProcess> servers, Samples samples, int clients, TimeSpan duration, int seed, bool withSearch,
        CancellationToken ct, int? firstTarget = null)
    {
        var https = new List<HttpClient>();
        try
        {
            var first = TimeSpan.Zero;
            foreach (var server in servers)
            {
                var http = await ClientAsync(server, clients, ct);
                https.Add(http);
                first += await FirstRequestAsync(http, samples, withSearch, ct);
            }
            return await LoadAsync(https, servers, samples, clients, duration, seed, withSearch, first, firstTarget, ct);
        }
        finally
        {
            https.ForEach(h => h.Dispose());
        }
    }

    private static async Task<HttpClient> ClientAsync(ServerProcess server, int clients, CancellationToken ct)
    {
        var token = await server.SignInAsync(Loading.BenchStore.Username, Loading.BenchStore.Password, ct);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<TimeSpan> FirstRequestAsync(HttpClient http, Samples samples, bool withSearch, CancellationToken ct)
    {
        // The first analytics request loads the server's snapshot: timed apart, before the load. Until the snapshot is
        // in memory the server answers WARMING (#18): asked again until it answers.
        var started = Stopwatch.GetTimestamp();
        var (ok, error) = await SendAsync(http, BeneficialOwners, new { id = samples.LoadTargets[^1] }, ct);
        while (!ok && error is not null && error.Contains("\"WARMING\"", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            (ok, error) = await SendAsync(http, BeneficialOwners, new { id = samples.LoadTargets[^1] }, ct);
        }
        var first = Stopwatch.GetElapsedTime(started);
        if (!ok)
        {
            throw new InvalidOperationException($"the first GraphQL request failed: {error}");
        }
        // The first search builds the server's name index from the store (#14): done before the load too, so the load
        // measures searches on a warm server as it does the analytics.
        if (withSearch && await SendAsync(http, Search, new { q = samples.NameQueries[0] }, ct) is (false, var searchError))
        {
            throw new InvalidOperationException($"the first search failed: {searchError}");
        }
        return first;
    }

    private static async Task<GraphQLLoadResult> LoadAsync(List<HttpClient> https, IReadOnlyList<ServerProcess> servers, Samples samples, int clients,
        TimeSpan duration, int seed, bool withSearch, TimeSpan first, int? firstTarget, CancellationToken ct)
    {
        var operations = new Dictionary<string, Latencies>
        {
            ["beneficialOwners"] = new(), [OwnersWithPaths] = new(), ["search"] = new(), ["shortestPaths"] = new(),
        };
        var failures = 0;
        string? firstFailure = null;
        // The second load goes on where the first stopped, so it meets new targets too.
        var next = firstTarget ?? (withSearch ? 0 : samples.LoadTargets.Count / 2);
        // The server's own figures are read from the first server: with several, they are that one's share.
        var metricsBefore = await ServerMetrics.ReadAsync(https[0], ct);
        var loadStarted = Stopwatch.GetTimestamp();
        var end = loadStarted + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(seed + client);
            var http = https[client % https.Count];
            while (Stopwatch.GetTimestamp() < end)
            {
                var pick = withSearch ? random.Next(4) : random.Next(3) switch { 2 => 3, var other => other };
                var (operation, query, variables) = pick switch
                {
                    0 => ("beneficialOwners", BeneficialOwners, (object)new { id = samples.LoadTargets[Interlocked.Increment(ref next) % samples.LoadTargets.Count] }),
                    1 => (OwnersWithPaths, BeneficialOwnersWithPaths, new { id = samples.LoadTargets[Interlocked.Increment(ref next) % samples.LoadTargets.Count] }),
                    2 => ("search", Search, new { q = samples.NameQueries[random.Next(samples.NameQueries.Count)] }),
                    _ => ("shortestPaths", ShortestPaths, PathVariables(samples.PathPairs[random.Next(samples.PathPairs.Count)])),
                };
                var sent = Stopwatch.GetTimestamp();
                var (success, message) = await SendAsync(http, query, variables, ct);
                var elapsed = Stopwatch.GetElapsedTime(sent);
                lock (operations)
                {
                    operations[operation].Add(elapsed);
                    if (!success)
                    {
                        failures++;
                        firstFailure ??= $"{operation}: {message}";
                    }
                }
            }
        }, ct)));
        var loadDuration = Stopwatch.GetElapsedTime(loadStarted);
        var serverFigures = (await ServerMetrics.ReadAsync(https[0], ct)).Since(metricsBefore);
        return new GraphQLLoadResult(first, loadDuration, clients, operations.Values.Sum(o => o.Count), failures, firstFailure, operations, servers.Max(s => s.PeakResidentBytes()))
        {
            ServerFigures = serverFigures,
        };
    }

    internal static object PathVariables((int From, int To) pair) => new { from = GeneratedGraph.NodeId(pair.From), to = GeneratedGraph.NodeId(pair.To) };

    private static async Task<(bool Ok, string? Error)> SendAsync(HttpClient http, string query, object variables, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return response.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\"", StringComparison.Ordinal)
            ? (true, null)
            : (false, $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
    }
}
