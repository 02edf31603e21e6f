using System.CommandLine;
using AssetTrace.Cli;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.IntegrationTests.Interchange;

namespace AssetTrace.IntegrationTests.Cli;

/// <summary>
/// #12: a relative path on the command line means what it meant where the user typed it, not the
/// content root (src/AssetTrace/ under dotnet run) nor the process's working directory. The start
/// directory here is a fresh folder, never the test's working directory, so a path read against
/// anything else misses.
/// </summary>
public abstract class RelativePathsContract(StoreKind kind) : IAsyncLifetime
{
    private string[] _overrides = [];
    private readonly string _start = TempFolder.NewPath();
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_start);
        var settings = _settings = await TestDatabases.CreateAsync(kind);
        _overrides = [.. settings.Select(s => $"--{s.Key}={s.Value}")];
    }

    public Task DisposeAsync()
    {
        TempFolder.Delete(_start);
        TestDatabases.Delete(_settings);
        return Task.CompletedTask;
    }

    private Task<int> RunInStartAsync(params string[] args) =>
        CommandLine.RunAsync([.. args, .. _overrides], _start, new InvocationConfiguration());

    [Fact]
    public async Task An_export_to_a_relative_file_lands_in_the_directory_the_command_was_started_in()
    {
        Assert.Equal(0, await RunInStartAsync("export", "graphml", "graph.graphml"));

        Assert.True(File.Exists(Path.Combine(_start, "graph.graphml")));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "graph.graphml")));
    }

    [Fact]
    public async Task An_export_to_a_relative_folder_lands_in_the_directory_named_by_started_in()
    {
        Assert.Equal(0, await CommandLine.RunAsync(
            [StartDirectory.Option, _start, "export", "neo4j-csv", "out", .. _overrides], Environment.CurrentDirectory, new InvocationConfiguration()));

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_start, "out")));
    }

    [Fact]
    public async Task An_import_reads_a_relative_file_and_writes_a_relative_report_in_the_start_directory()
    {
        File.Copy(Fixtures.Path("ftm/sample.ftm.json"), Path.Combine(_start, "sample.ftm.json"));

        Assert.Equal(0, await RunInStartAsync("import", "ftm", "sample.ftm.json", "--report", "report.json"));

        Assert.Contains("sample.ftm.json", await File.ReadAllTextAsync(Path.Combine(_start, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rates_import_reads_a_relative_file_in_the_start_directory()
    {
        await File.WriteAllTextAsync(Path.Combine(_start, "rates.csv"), "currency,date,usd_per_unit,source\nEUR,2026-01-02,1.0342,ECB reference rate\n");

        Assert.Equal(0, await RunInStartAsync("rates", "import", "rates.csv"));
    }

    [Fact]
    public async Task A_checkpoint_is_exported_to_and_checked_against_a_relative_file_in_the_start_directory()
    {
        Assert.Equal(0, await RunInStartAsync("export", "graphml", "graph.graphml"));

        Assert.Equal(0, await RunInStartAsync("audit", "checkpoint", "export", "head.json"));
        Assert.True(File.Exists(Path.Combine(_start, "head.json")));
        Assert.Equal(0, await RunInStartAsync("audit", "verify", "--checkpoint", "head.json"));
    }
}

public sealed class SqliteRelativePathsTests() : RelativePathsContract(StoreKind.Sqlite);

public sealed class PostgresRelativePathsTests() : RelativePathsContract(StoreKind.Postgres);
