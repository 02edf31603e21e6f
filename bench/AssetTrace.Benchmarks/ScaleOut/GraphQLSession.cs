using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Server;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>The benchmark's analyst signed in on one server, asking one question at a time and reading the whole answer.</summary>
internal sealed class GraphQLSession : IDisposable
{
    private readonly HttpClient _http;

    private GraphQLSession(string name, ServerProcess server, string snapshotFile, HttpClient http)
    {
        Name = name;
        Server = server;
        SnapshotFile = snapshotFile;
        _http = http;
    }

    /// <summary>"A" or "B": how the report names the server.</summary>
    public string Name { get; }

    public ServerProcess Server { get; }

    /// <summary>The server's own snapshot file: when it was last written tells whether a save fell in a phase.</summary>
    public string SnapshotFile { get; }

    public DateTime SnapshotSavedAt => File.GetLastWriteTimeUtc(SnapshotFile);

    public static async Task<GraphQLSession> SignInAsync(string name, ServerProcess server, string snapshotFile, CancellationToken ct)
    {
        var token = await server.SignInAsync(BenchStore.Username, BenchStore.Password, ct);
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLSession(name, server, snapshotFile, http);
    }

    /// <summary>The answer's <c>data</c>; an answer with errors throws, naming the server and the question.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("/graphql", new { query, variables }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var answer = JsonNode.Parse(body) as JsonObject;
        if (!response.IsSuccessStatusCode || answer?["errors"] is not null || answer?["data"] is not JsonNode data)
        {
            throw new InvalidOperationException($"server {Name} answered HTTP {(int)response.StatusCode} to `{query[..Math.Min(query.Length, 80)]}…`: {body[..Math.Min(body.Length, 600)]}");
        }
        return data;
    }

    /// <summary>The server's <c>/metrics</c> page (served to loopback), as Prometheus text.</summary>
    public async Task<string> MetricsAsync(CancellationToken ct)
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Address };
        return await anonymous.GetStringAsync("/metrics", ct);
    }

    public void Dispose() => _http.Dispose();
}
