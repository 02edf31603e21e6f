using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AssetTrace.Audit;
using AssetTrace.Cli;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary>
/// #11, the shell as an actor: <c>import</c>, <c>export</c> and <c>rates import</c>, run in-process as from a
/// terminal, write audit entries under <c>shell:&lt;os user&gt;@&lt;host&gt;</c> that say what went in or out
/// (format, files with their SHA-256, counts, scope); a failed export leaves no file and no entry.
/// </summary>
public abstract class ShellCommandsAuditContract(StoreKind kind) : IAsyncLifetime
{
    private CoreHarness _harness = null!;
    private string[] _overrides = [];
    private Dictionary<string, string?> _settings = null!;

    public async Task InitializeAsync()
    {
        var settings = _settings = await TestDatabases.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        _overrides = [.. settings.Select(s => $"--{s.Key}={s.Value}")];
        _harness = await CoreHarness.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        TestDatabases.Delete(_settings);
    }

    /// <summary>Who the machine says runs this test, asked of the system's own tools rather than of .NET.</summary>
    private static string ExpectedActor() => $"shell:{Run("id", "-un")}@{Run("hostname", "")}";

    [Fact]
    public async Task An_import_is_audited_under_the_OS_user_and_host_with_its_file_hash_and_counts_whatever_USER_says()
    {
        var file = Fixtures.Path("ftm/sample.ftm.json");
        var user = Environment.GetEnvironmentVariable("USER");
        Environment.SetEnvironmentVariable("USER", "admin");
        try
        {
            Assert.Equal(0, await CommandLine.RunAsync(["import", "ftm", file, .. _overrides]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("USER", user);
        }

        var entry = Assert.Single(await EntriesAsync("import.completed"));
        Assert.Equal(ExpectedActor(), entry.Actor);
        var after = JsonNode.Parse(entry.After!)!;
        Assert.Equal("ftm", after["format"]!.GetValue<string>());
        var recorded = Assert.Single(after["files"]!.AsArray())!;
        Assert.Equal(Sha256(file), recorded["sha256"]!.GetValue<string>());
        Assert.EndsWith("sample.ftm.json", recorded["name"]!.GetValue<string>(), StringComparison.Ordinal);
        var created = after["counts"]!["nodesCreated"]!.GetValue<long>();
        Assert.True(created > 0);
        // The imported facts name the same actor as their recorder.
        var recorders = await _harness.Get<Database>().ReadAsync(c => c.QueryAsync(null,
            "SELECT DISTINCT recorded_by FROM nodes WHERE id LIKE 'ftm%'", r => r.GetString(0), default), default);
        Assert.Equal([ExpectedActor()], recorders);
    }

    [Fact]
    public async Task An_import_refuses_an_actor_named_on_the_command_line_and_writes_nothing()
    {
        var before = (await _harness.Get<AuditLog>().ListAsync(null, null, 1, default)).Single().Seq;

        Assert.Equal(2, await CommandLine.RunAsync(["import", "ftm", Fixtures.Path("ftm/sample.ftm.json"), "--actor", "admin", .. _overrides]));

        Assert.Equal(before, (await _harness.Get<AuditLog>().ListAsync(null, null, 1, default)).Single().Seq);
    }

    [Fact]
    public async Task An_export_is_audited_with_the_OS_user_and_host_its_scope_and_each_file_with_its_hash()
    {
        var folder = NewFolder();

        Assert.Equal(0, await CommandLine.RunAsync(["export", "neo4j-csv", folder, "--case", "demo-case", "--hops", "2", .. _overrides]));

        var entry = Assert.Single(await EntriesAsync("export.completed"));
        Assert.Equal(ExpectedActor(), entry.Actor);
        var after = JsonNode.Parse(entry.After!)!;
        Assert.Equal("neo4j-csv", after["format"]!.GetValue<string>());
        Assert.Equal("demo-case", after["scope"]!["caseId"]!.GetValue<string>());
        Assert.Equal(2, after["scope"]!["hops"]!.GetValue<int>());
        Assert.True(after["counts"]!["nodes"]!.GetValue<long>() > 0);
        var onDisk = Directory.EnumerateFileSystemEntries(folder).Order().ToList();
        Assert.Equal(onDisk, after["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).Order());
        Assert.All(after["files"]!.AsArray(), f => Assert.Equal(Sha256(f!["name"]!.GetValue<string>()), f["sha256"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_one_file_export_is_audited_with_that_file()
    {
        var file = Path.Combine(NewFolder(), "graph.graphml");

        Assert.Equal(0, await CommandLine.RunAsync(["export", "graphml", file, .. _overrides]));

        var entry = Assert.Single(await EntriesAsync("export.completed"));
        var recorded = Assert.Single(JsonNode.Parse(entry.After!)!["files"]!.AsArray())!;
        Assert.Equal(file, recorded["name"]!.GetValue<string>());
        Assert.Equal(Sha256(file), recorded["sha256"]!.GetValue<string>());
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public async Task An_export_of_an_unknown_case_creates_no_folder_and_no_entry()
    {
        var folder = Path.Combine(NewFolder(), "out");

        Assert.Equal(2, await CommandLine.RunAsync(["export", "bods", folder, "--case", "no-such-case", .. _overrides]));

        Assert.False(Directory.Exists(folder));
        Assert.Empty(await EntriesAsync("export.completed"));
    }

    [Fact]
    public async Task An_export_whose_files_cannot_all_be_put_in_place_leaves_none_of_them_and_no_entry()
    {
        var first = NewFolder();
        Assert.Equal(0, await CommandLine.RunAsync(["export", "neo4j-csv", first, .. _overrides]));
        var names = Directory.EnumerateFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.True(names.Count > 1, "neo4j-csv writes several files");

        // The last file's place is taken by a folder: the earlier files are moved, then the last move fails.
        var second = NewFolder();
        Directory.CreateDirectory(Path.Combine(second, names[^1]!));
        Assert.Equal(1, await CommandLine.RunAsync(["export", "neo4j-csv", second, .. _overrides]));

        Assert.Equal([Path.Combine(second, names[^1]!)], Directory.EnumerateFileSystemEntries(second));
        Assert.Single(await EntriesAsync("export.completed"));
    }

    [Fact]
    public async Task A_rates_import_is_audited_under_the_OS_user_and_host()
    {
        var file = _harness.TempFile("rates.csv", "currency,date,usd_per_unit,source\nEUR,2026-01-02,1.0342,ECB reference rate\n");

        Assert.Equal(0, await CommandLine.RunAsync(["rates", "import", file, .. _overrides]));

        // The newest: the store's first start imported the reference rates already.
        var entry = (await EntriesAsync("rates.imported"))[0];
        Assert.Equal(ExpectedActor(), entry.Actor);
        Assert.Equal(Sha256(file), JsonNode.Parse(entry.After!)!["sha256"]!.GetValue<string>());
    }

    private async Task<List<AuditEntry>> EntriesAsync(string action) =>
        [.. (await _harness.Get<AuditLog>().ListAsync(null, null, 1000, default)).Where(e => e.Action == action)];

    private string NewFolder() => _harness.TempFolder(Guid.NewGuid().ToString("N"));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}

public sealed class SqliteShellCommandsAuditTests() : ShellCommandsAuditContract(StoreKind.Sqlite);

public sealed class PostgresShellCommandsAuditTests() : ShellCommandsAuditContract(StoreKind.Postgres);
