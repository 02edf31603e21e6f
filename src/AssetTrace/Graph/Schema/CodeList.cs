namespace AssetTrace.Graph.Schema;

/// <summary>A code list from graph-schema/codelists: <c>code,title,description</c> rows.</summary>
public sealed record CodeList(string Name, IReadOnlyList<CodeListEntry> Entries)
{
    public bool Contains(string code) => Entries.Any(e => e.Code == code);

    public IEnumerable<string> Codes => Entries.Select(e => e.Code);
}

public sealed record CodeListEntry(string Code, string Title, string Description);
