using System.Xml;

namespace AssetTrace.Watch.Extraction;

/// <summary>The page addresses of a sitemap (urlset/url/loc) and of a sitemap index (sitemapindex/sitemap/loc).</summary>
public static class SitemapExtractor
{
    public static PageExtract Extract(string xml)
    {
        var links = new List<(Uri, bool)>();
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc"
                && Uri.TryCreate(reader.ReadElementContentAsString().Trim(), UriKind.Absolute, out var url))
            {
                links.Add((url, true));
            }
        }
        return new PageExtract([], links);
    }
}
