using System.Xml;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Extraction;

/// <summary>
/// RSS 2.0 items and Atom entries (#15) with XmlReader: no DTD, no external entities. A property's
/// selector is the child element's local name (title, description, summary, content, category, link);
/// each value keeps the XPath of the element it came from.
/// </summary>
public static class FeedExtractor
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = 200_000_000,
    };

    public static PageExtract Extract(string xml, RecordMapping mapping)
    {
        var records = new List<ExtractedRecord>();
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        var index = 0;
        string? container = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth <= 1 && reader.LocalName is "rss" or "feed" or "channel")
            {
                container = container is null ? $"/{reader.LocalName}" : $"{container}/{reader.LocalName}";
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("item" or "entry"))
            {
                continue;
            }
            index++;
            var itemPath = $"{container}/{reader.LocalName}[{index}]";
            var values = new List<ExtractedValue>();
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            using var item = reader.ReadSubtree();
            item.Read();
            while (item.Read())
            {
                if (item.NodeType != XmlNodeType.Element || item.Depth != 1)
                {
                    continue;
                }
                var name = item.LocalName;
                var position = positions[name] = positions.GetValueOrDefault(name) + 1;
                var link = name == "link" ? item.GetAttribute("href") : null;
                var text = link ?? item.ReadElementContentAsString();
                foreach (var (property, selector) in mapping.Properties.Where(p => p.Value == name))
                {
                    // Descriptions often carry escaped HTML: read as text, as a reader of the feed sees it.
                    var clean = HtmlExtractor.Clean(name is "description" or "summary" or "content" ? StripTags(text) : text);
                    if (clean.Length > 0)
                    {
                        values.Add(new ExtractedValue(property, clean, $"{itemPath}/{name}[{position}]"));
                    }
                }
            }
            if (values.Count > 0)
            {
                records.Add(new ExtractedRecord(itemPath, values));
            }
        }
        return new PageExtract(records, []);
    }

    private static string StripTags(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.Body?.TextContent ?? "";
    }
}
