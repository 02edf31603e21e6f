using AssetTrace.Graph.Schema;

namespace AssetTrace.Watch.Sources;

/// <summary>
/// The sources of this server: every *.json file of Watch:SourcesDirectory, read and checked once at
/// start. A file that does not check stops the start with its name and field, rather than leave a
/// source silently unwatched.
/// </summary>
public sealed class WatchSources
{
    private readonly Dictionary<string, WatchSource> _byName;

    public WatchSources(IEnumerable<WatchSource> sources)
    {
        _byName = new Dictionary<string, WatchSource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (!_byName.TryAdd(source.Name, source))
            {
                throw new SourceFileException(source.File, "name", $"'{source.Name}' is also the name of the source in '{_byName[source.Name].File}'; each source needs its own name");
            }
        }
    }

    public IReadOnlyList<WatchSource> All => [.. _byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public WatchSource? Find(string name) => _byName.GetValueOrDefault(name);

    public static WatchSources Load(string directory, GraphSchema schema)
    {
        if (!Directory.Exists(directory))
        {
            return new WatchSources([]);
        }
        return new WatchSources(Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(file => SourceFileReader.Read(file, File.ReadAllText(file), schema)));
    }
}
