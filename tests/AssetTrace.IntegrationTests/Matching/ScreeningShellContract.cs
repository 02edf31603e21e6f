using System.CommandLine;
using System.Text;
using AssetTrace.Cli;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Matching.Screening;
using AssetTrace.Storage;
using nietras.SeparatedValues;
using Xunit.Abstractions;

namespace AssetTrace.IntegrationTests.Matching;

/// <summary>
/// <c>assettrace screen FILE.csv</c> (#14) on both stores, against a server's store with the demo case: the
/// output opens in a spreadsheet (UTF-8 with BOM, a line per match, formulas kept as text); a bad file is
/// refused naming its row and column and nothing is written; a 10,000-row file runs.
/// </summary>
public abstract class ScreeningShellContract(StoreKind kind, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _start = TempFolder.NewPath();
    private Dictionary<string, string?> _settings = null!;
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_start);
        _settings = await TestDatabases.CreateAsync(kind);
        _settings["Demo:Load"] = "true";
        _server = await ServerHarness.StartAsync(_settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.Delete(_start);
        TestDatabases.Delete(_settings);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync([.. args, .. _settings.Select(s => $"--{s.Key}={s.Value}")], _start,
            new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_start, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string[]> ReadOutput(string path)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        var lines = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[ScreeningCsv.OutputColumns.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[ScreeningCsv.OutputColumns[i]].ToString();
            }
            lines.Add(cells);
        }
        return lines;
    }

    [Fact]
    public async Task A_list_is_screened_into_a_spreadsheet_file_with_a_line_per_match_and_formulas_kept_as_text()
    {
        // A name an open source could carry into the graph: a spreadsheet must not run it.
        await _server.DataAsync("""
            mutation { createNode(input: { kind: PERSON, properties: { name: "=Serik Akhmetov" },
              provenance: { source: OPEN_SOURCE, restriction: EVIDENCE } }) { id } }
            """);
        Write("list.csv", "name,birthDate,country\nAchmetow,,\n\"Ахметов Серик\",1961-04-17,KZ\nJimmy Cherizier,,\n");

        var (code, stdout, stderr) = await RunAsync("screen", "list.csv", "--out", "out.csv", "--top", "4");

        Assert.True(code == 0, stderr);
        Assert.Contains("Screened 3 names", stdout, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_start, "out.csv"));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.StartsWith("row,inputName,matchedName,nodeId,kind,score,explanation,holdings,connectedPersons", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        var lines = ReadOutput(Path.Combine(_start, "out.csv"));
        var subject = lines.Single(l => l[0] == "1" && l[3] == "demo-serik-akhmetov");
        Assert.Equal("Achmetow", subject[1]);
        Assert.Contains("achmetow ≈ ахметов (transliteration", subject[6], StringComparison.Ordinal);
        Assert.Contains("Flat", subject[7], StringComparison.Ordinal);
        Assert.Contains("Ахметова (family)", subject[8], StringComparison.Ordinal);
        Assert.Contains(lines, l => l[0] == "2" && l[3] == "demo-serik-akhmetov" && l[6].Contains("birth_date_agrees", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l[0] == "1") <= 4);
        Assert.Contains(lines, l => l[0] == "1" && l[2] == "'=Serik Akhmetov");
        Assert.DoesNotContain(lines.SelectMany(l => l), cell => cell.StartsWith('='));
        // A row with no match is still a line, so the spreadsheet shows every name screened.
        Assert.Equal(["3", "Jimmy Cherizier", ""], lines.Single(l => l[0] == "3")[..3]);
    }

    [Theory]
    [InlineData("name,birthDate,nickname\nAchmetow,,x\n", "column 'nickname'")]
    [InlineData("birthDate\n1961\n", "column 'name'")]
    [InlineData("name,birthDate\nAchmetow,1961-04-17\nSerik,17.04.1961\n", "row 2 (line 3), column birthDate")]
    [InlineData("name,country\nAchmetow,Kazakhstan\n", "row 1 (line 2), column country")]
    [InlineData("name\n\n", "column name")]
    public async Task A_bad_file_is_refused_naming_the_row_and_column_and_nothing_is_written(string csv, string named)
    {
        Write("bad.csv", csv);

        var (code, _, stderr) = await RunAsync("screen", "bad.csv");

        Assert.Equal(1, code);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains("nothing written", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_start, "bad.screened.csv")));
    }

    [Fact]
    public async Task A_file_of_ten_thousand_names_is_screened_and_one_more_row_is_refused()
    {
        var names = Fixtures.Path("names");
        string[] Words(string file) => [.. File.ReadLines(Path.Combine(names, file)).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        var (given, surnames) = (Words("given-male.txt"), Words("surnames.txt"));
        var rows = Enumerable.Range(0, ScreenRowChecks.MaxRows).Select(i => $"{given[i % given.Length]} {surnames[i / given.Length % surnames.Length]}").ToList();
        rows[5_000] = "Achmetow";
        Write("big.csv", "name\n" + string.Join('\n', rows) + "\n");
        Write("too-big.csv", "name\n" + string.Join('\n', rows) + "\nOne More\n");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (code, stdout, stderr) = await RunAsync("screen", "big.csv");
        output.WriteLine($"{kind}: {stdout.Trim()} ({System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s with start-up)");

        Assert.True(code == 0, stderr);
        var lines = ReadOutput(Path.Combine(_start, "big.screened.csv"));
        Assert.Equal(ScreenRowChecks.MaxRows, lines.Select(l => l[0]).Distinct().Count());
        Assert.Contains(lines, l => l[0] == "5001" && l[3] == "demo-serik-akhmetov");

        var (refused, _, error) = await RunAsync("screen", "too-big.csv");
        Assert.Equal(1, refused);
        Assert.Contains("more than 10,000 rows", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_start, "too-big.screened.csv")));
    }

    /// <summary>An extra check on a real list when this machine has ../shared/data: each listed person of the UN sample, imported, is found by the name as listed, given name last.</summary>
    [Fact]
    public async Task The_shared_UN_sample_list_finds_each_of_its_persons_when_the_folder_is_there()
    {
        var path = Fixtures.SharedData("sanctions/un/UN_consolidated.sample.xml");
        if (path is null)
        {
            output.WriteLine("DID NOT RUN: ../shared/data is not on this machine.");
            return;
        }
        Assert.Equal(0, (await RunAsync("import", "un-sanctions", path)).Code);
        var xml = System.Xml.Linq.XDocument.Load(path);
        var persons = xml.Descendants("INDIVIDUAL")
            .Select(i => (First: (string?)i.Element("FIRST_NAME"), Second: (string?)i.Element("SECOND_NAME")))
            .Where(p => !string.IsNullOrWhiteSpace(p.First) && !string.IsNullOrWhiteSpace(p.Second)).ToList();
        Assert.NotEmpty(persons);
        Write("un.csv", "name\n" + string.Join('\n', persons.Select(p => ScreeningCsv.Cell($"{p.Second} {p.First}"))) + "\n");

        var (code, _, stderr) = await RunAsync("screen", "un.csv");

        Assert.True(code == 0, stderr);
        var lines = ReadOutput(Path.Combine(_start, "un.screened.csv"));
        var missed = Enumerable.Range(1, persons.Count).Where(n => !lines.Any(l => l[0] == n.ToString(System.Globalization.CultureInfo.InvariantCulture) && l[3] != "")).ToList();
        Assert.True(missed.Count == 0, $"not found: {string.Join(", ", missed.Select(n => persons[n - 1]))}");
    }
}

public sealed class SqliteScreeningShellTests(ITestOutputHelper output) : ScreeningShellContract(StoreKind.Sqlite, output);

public sealed class PostgresScreeningShellTests(ITestOutputHelper output) : ScreeningShellContract(StoreKind.Postgres, output);
