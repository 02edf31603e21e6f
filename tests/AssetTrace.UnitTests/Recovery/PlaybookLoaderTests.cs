using AssetTrace.Graph.Schema;
using AssetTrace.Recovery.Assistant;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.UnitTests.Recovery;

/// <summary>
/// The shipped playbooks load whole; hostile or broken files are refused with their file and line
/// while the other files still load.
/// </summary>
public sealed class PlaybookLoaderTests : IDisposable
{
    private static readonly PlaybookLoader Loader = new(GraphSchema.Load(GraphSchema.DefaultDirectory),
        RequestCatalogue.Load(Path.Combine(AppContext.BaseDirectory, "reference-data")));

    private readonly string _folder = Directory.CreateTempSubdirectory("playbooks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Copy(string crimeType, Func<string, string>? change = null)
    {
        var text = File.ReadAllText(Path.Combine(PlaybookLoader.DefaultDirectory, crimeType + ".json"));
        File.WriteAllText(Path.Combine(_folder, crimeType + ".json"), change is null ? text : change(text));
        return crimeType + ".json";
    }

    [Fact]
    public void The_shipped_playbooks_cover_the_five_crime_types_with_every_text_in_English_and_Russian()
    {
        var set = Loader.Load(PlaybookLoader.DefaultDirectory);

        Assert.Empty(set.Problems);
        Assert.Equal(["corruption", "embezzlement", "fraud", "money_laundering", "tax_evasion"], set.ByCrimeType.Keys.Order(StringComparer.Ordinal));
        Assert.All(set.ByCrimeType.Values.SelectMany(p => p.Rules).SelectMany(r => r.Actions),
            a => Assert.True(a.Title.Ru.Any(c => c is >= 'а' and <= 'я') && a.Why.Ru.Any(c => c is >= 'а' and <= 'я'), a.Id));
    }

    [Theory]
    [InlineData("\"kind\": \"foreign_accounts\"", "\"kind\": \"open_source_lead\"", "kind 'open_source_lead' is not one the assistant knows")]
    [InlineData("\"real_estate\",", "\"land_and_sea\",", "question 'land_and_sea' is not in the catalogue")]
    [InlineData("\"draft\": \"task\"", "\"draft\": \"shell\"", "draft 'shell' must be request, mla or task")]
    [InlineData("\"Connected-person analysis of {relativeName}\"", "\"Connected-person analysis\\u202E of {relativeName}\"", "U+202E")]
    [InlineData("\"minUsd\": 500000", "\"minUsd\": 500000, \"maxUsd\": 1", "settings:")]
    [InlineData("\"crimeType\": \"corruption\"", "\"crimeType\": \"fraud\"", "must be a crime type")]
    public void A_broken_rule_refuses_its_file_naming_the_line_and_the_other_files_still_load(string find, string replace, string expected)
    {
        var broken = Copy("corruption", t => ReplaceFirst(t, find, replace));
        Copy("fraud");

        var set = Loader.Load(_folder);

        var problem = Assert.Single(set.Problems);
        Assert.Equal(broken, problem.File);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        var text = File.ReadAllLines(Path.Combine(_folder, broken));
        Assert.InRange(problem.Line, 2, text.Length);
        Assert.Equal(["fraud"], set.ByCrimeType.Keys);
    }

    [Fact]
    public void Malformed_JSON_is_reported_at_its_line()
    {
        File.WriteAllText(Path.Combine(_folder, "fraud.json"), "{\n  \"crimeType\": \"fraud\",\n  \"title\": { \"en\": \"F\", \"ru\": \"М\" },\n  \"rules\": [ , ]\n}\n");

        var problem = Assert.Single(Loader.Load(_folder).Problems);

        Assert.Equal(("fraud.json", 4), (problem.File, problem.Line));
    }

    [Fact]
    public void A_huge_or_deeply_nested_file_is_refused_without_being_parsed_whole()
    {
        File.WriteAllText(Path.Combine(_folder, "fraud.json"), new string(' ', PlaybookLoader.MaxFileBytes + 1));
        File.WriteAllText(Path.Combine(_folder, "tax_evasion.json"),
            "{\"crimeType\":\"tax_evasion\",\"title\":{\"en\":\"T\",\"ru\":\"Н\"},\"rules\":[{\"id\":\"r\",\"kind\":\"request_overdue\",\"settings\":"
            + new string('[', 5000) + new string(']', 5000) + ",\"actions\":[]}]}");

        var problems = Loader.Load(_folder).Problems.ToDictionary(p => p.File);

        Assert.Contains("at most", problems["fraud.json"].Message, StringComparison.Ordinal);
        Assert.Contains("depth", problems["tax_evasion.json"].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Only_json_files_directly_in_the_folder_are_read()
    {
        Copy("fraud");
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
        File.WriteAllText(Path.Combine(_folder, "nested", "corruption.json"), "not read");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not read");

        var set = Loader.Load(_folder);

        Assert.Empty(set.Problems);
        Assert.Equal(["fraud"], set.ByCrimeType.Keys);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the shipped playbook no longer holds {find}");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
