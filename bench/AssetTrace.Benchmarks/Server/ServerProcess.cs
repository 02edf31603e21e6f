using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace AssetTrace.Benchmarks.Server;

/// <summary>
/// The real server as a child process on a free loopback port (the built assettrace.dll,
/// configured through environment variables), so that its memory is its own to measure.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, Uri address, StreamWriter log)
    {
        _process = process;
        Address = address;
        _log = log;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string serverDll, IReadOnlyDictionary<string, string?> settings, string logFile, CancellationToken ct)
    {
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException($"the server is not built: {serverDll}. Build it with: dotnet build -c Release src/AssetTrace", serverDll);
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        // No Redis unless the command names one (the two-server run of #18 shares one): a developer's variable must not leak in.
        if (!settings.ContainsKey("ConnectionStrings:Redis"))
        {
            start.Environment["ConnectionStrings__Redis"] = "";
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), log);
        await server.WaitUntilListeningAsync(logFile, ct);
        return server;
    }

    /// <summary>A bearer token for the account the benchmark created.</summary>
    public async Task<string> SignInAsync(string username, string password, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address };
        var response = await client.PostAsJsonAsync("/auth/login", new { username, password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["token"]!.GetValue<string>();
    }

    /// <summary>The most resident memory the process has had (VmHWM), in bytes.</summary>
    public long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("no VmHWM in /proc/<pid>/status.");
    }

    private async Task WaitUntilListeningAsync(string logFile, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server stopped with exit code {_process.ExitCode}; see {logFile}.");
            }
            try
            {
                var response = await client.GetAsync("/graphql", ct);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"the server did not answer within 2 minutes; see {logFile}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
