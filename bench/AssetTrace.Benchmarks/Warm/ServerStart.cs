using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AssetTrace.Benchmarks.Loading;
using AssetTrace.Benchmarks.Server;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks.Warm;

/// <summary>One start of the server and its first analytics answer, timed from the start of the process (#18).</summary>
internal sealed class ServerStart : IAsyncDisposable
{
    private readonly string _token;

    private ServerStart(ServerProcess server, string token, TimeSpan listening, TimeSpan answered, int warmingAnswers, string answer)
    {
        Server = server;
        _token = token;
        Listening = listening;
        Answered = answered;
        WarmingAnswers = warmingAnswers;
        Answer = answer;
    }

    public ServerProcess Server { get; }

    public TimeSpan Listening { get; }

    public TimeSpan Answered { get; }

    public int WarmingAnswers { get; }

    public string Answer { get; }

    public static async Task<ServerStart> MeasureAsync(string serverDll, IReadOnlyDictionary<string, string?> settings, string question, string logFile, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var server = await ServerProcess.StartAsync(serverDll, settings, logFile, ct);
        var listening = Stopwatch.GetElapsedTime(started);
        var token = await server.SignInAsync(BenchStore.Username, BenchStore.Password, ct);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var warming = 0;
        while (true)
        {
            var response = await client.PostAsJsonAsync("/graphql", new { query = question }, ct);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
            if (body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "WARMING")
            {
                warming++;
                await Task.Delay(100, ct);
                continue;
            }
            if (body["errors"] is not null)
            {
                throw new InvalidOperationException($"the first analytics question failed: {body.ToJsonString()}");
            }
            return new ServerStart(server, token, listening, Stopwatch.GetElapsedTime(started), warming, body["data"]!.ToJsonString());
        }
    }

    /// <summary>
    /// One name search, which builds the server's name index from the store (#14): what a serving server holds beside
    /// its snapshot, for the peak memory of one that has answered every kind of question.
    /// </summary>
    /// <returns>How long the search took, the index's build included.</returns>
    public async Task<TimeSpan> SearchOnceAsync(string text, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var started = Stopwatch.GetTimestamp();
        var response = await client.PostAsJsonAsync("/graphql", new { query = "query($q: String!) { search(query: $q, first: 10) { totalCount } }", variables = new { q = text } }, ct);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        if (body["errors"] is not null)
        {
            throw new InvalidOperationException($"the search failed: {body.ToJsonString()}");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Waits for the server to write its snapshot file after its load from the store (it does so in the background).</summary>
    public static async Task WaitForFileAsync(string file, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + 600 * Stopwatch.Frequency;
        while (!File.Exists(file))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the server wrote no snapshot file {file} within 10 minutes of its load.");
            }
            await Task.Delay(200, ct);
        }
    }

    /// <summary>The report's row up to its last cell (whether the answer matched the other start's), while the process runs.</summary>
    public string Row(StoreKind kind, int nodes, string file) =>
        $"| {kind} | {nodes:N0} | {file} | {Listening.TotalSeconds:0.0} s | {Answered.TotalSeconds:0.0} s | {WarmingAnswers} | {Server.PeakResidentBytes() / 1073741824.0:0.00} GiB |";

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
