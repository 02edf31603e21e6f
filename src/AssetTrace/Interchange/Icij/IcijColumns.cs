namespace AssetTrace.Interchange.Icij;

/// <summary>Which column holds what, in either ICIJ layout.</summary>
internal sealed class IcijColumns(IReadOnlyList<string> names)
{
    private readonly Dictionary<string, int> _index = names.Select((n, i) => (n.Trim().ToLowerInvariant(), i))
        .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);

    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The first of the given columns that the file has, trimmed; null when empty.</summary>
    public string? Get(string[] values, params string[] candidates) => GetNamed(values, candidates).Value;

    /// <summary><see cref="Get"/>, with the column the value came from, to name it in a problem.</summary>
    public (string? Column, string? Value) GetNamed(string[] values, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (_index.TryGetValue(candidate, out var i) && i < values.Length && values[i].Trim() is { Length: > 0 } value)
            {
                return (candidate, value);
            }
        }
        return (null, null);
    }

    public string? NodeId(string[] values) => Get(values, "node_id", "_id", "id");

    public string? Start(string[] values) => Get(values, "node_id_start", "_start", "start_id");

    public string? End(string[] values) => Get(values, "node_id_end", "_end", "end_id");
}

/// <summary>The kind of ICIJ file, from its name (and, for the older Addresses.csv, its header).</summary>
internal enum IcijFile
{
    Entities,
    Officers,
    Intermediaries,
    Addresses,
    Others,
    Relationships,
}

internal static class IcijFiles
{
    public static IcijFile? Detect(string fileName, IcijColumns columns)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        IcijFile? file = name switch
        {
            _ when name.Contains("relationship", StringComparison.Ordinal) => IcijFile.Relationships,
            _ when name.Contains("entit", StringComparison.Ordinal) => IcijFile.Entities,
            _ when name.Contains("officer", StringComparison.Ordinal) => IcijFile.Officers,
            _ when name.Contains("intermediar", StringComparison.Ordinal) => IcijFile.Intermediaries,
            _ when name.Contains("address", StringComparison.Ordinal) => IcijFile.Addresses,
            _ when name.Contains("other", StringComparison.Ordinal) => IcijFile.Others,
            _ => null,
        };
        var idColumns = file == IcijFile.Relationships
            ? columns.Has("node_id_start") || columns.Has("_start") || columns.Has("start_id")
            : columns.Has("node_id") || columns.Has("_id") || columns.Has("id");
        return idColumns ? file : null;
    }
}
