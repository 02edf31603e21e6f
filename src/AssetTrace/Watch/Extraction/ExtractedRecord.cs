namespace AssetTrace.Watch.Extraction;

/// <summary>One value taken from a snapshot, with where in it: a CSS path for HTML, an XPath for XML, a JSON path.</summary>
public sealed record ExtractedValue(string Property, string Text, string Element);

/// <summary>One record of a page (a list row, a feed item, a listed person), with the element that holds it.</summary>
public sealed record ExtractedRecord(string Element, IReadOnlyList<ExtractedValue> Values)
{
    public IEnumerable<ExtractedValue> Of(string property) => Values.Where(v => v.Property == property);
}

/// <summary>What a page yields: its records, and the addresses it leads to (next page, detail pages, sitemap entries).</summary>
public sealed record PageExtract(IReadOnlyList<ExtractedRecord> Records, IReadOnlyList<(Uri Url, bool Deeper)> Links)
{
    public static PageExtract Empty { get; } = new([], []);
}
