using System.Diagnostics;
using System.Text.Json;

namespace AssetTrace.Benchmarks.Import;

/// <summary>Starts this benchmark again as a child (<c>import --child SPEC</c>) and reads what it measured.</summary>
public static class ImportChildProcess
{
    public static async Task<ImportChildResult> RunAsync(ImportChildSpec spec, string work, CancellationToken ct)
    {
        var name = Path.GetFileNameWithoutExtension(spec.ResultFile);
        var specFile = Path.Combine(work, $"{name}-spec.json");
        var logFile = Path.Combine(work, $"{name}.log");
        await File.WriteAllTextAsync(specFile, JsonSerializer.Serialize(spec), ct);
        var dll = Path.Combine(AppContext.BaseDirectory, "AssetTrace.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, "import", "--child", specFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The command line runs with the server collector (the product's setting), not the bench's workstation GC.
        start.Environment["DOTNET_gcServer"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the import child process.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await File.WriteAllTextAsync(logFile, await output + await errors, ct);
        if (process.ExitCode != 0 || !File.Exists(spec.ResultFile))
        {
            throw new InvalidOperationException($"the import of {spec.Files} stopped with exit code {process.ExitCode}; see {logFile}.");
        }
        return JsonSerializer.Deserialize<ImportChildResult>(await File.ReadAllTextAsync(spec.ResultFile, ct))
            ?? throw new InvalidOperationException($"{spec.ResultFile} holds no result.");
    }
}
