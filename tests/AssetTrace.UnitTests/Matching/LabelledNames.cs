using AssetTrace.Matching;

namespace AssetTrace.UnitTests.Matching;

/// <summary>One pair of tests/fixtures/names/pairs.tsv (see its README): the same name, or a near miss.</summary>
public sealed record LabelledPair(bool Same, string How, MatchSubject A, MatchSubject B)
{
    public static IReadOnlyList<LabelledPair> Load()
    {
        var path = Find();
        return [.. File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).Select(f => new LabelledPair(
            f[0] == "same", f[1], new MatchSubject([f[2]], Empty(f[3])), new MatchSubject([f[4]], Empty(f[5]))))];
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "fixtures", "names", "pairs.tsv");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"tests/fixtures/names/pairs.tsv not found above {AppContext.BaseDirectory}; rebuild it with python3 build.py in that folder.");
    }
}
