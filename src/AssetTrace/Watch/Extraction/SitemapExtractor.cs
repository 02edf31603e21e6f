using System.Xml;

namespace AssetTrace.Watch.Extraction;

/// <summary>
/// The page addresses of a sitemap (urlset/url/loc) and of a sitemap index (sitemapindex/sitemap/loc): absolute http and
/// https addresses only; no document type (so no entity is read from a file or expanded). The crawl asks only the source's
/// hosts, and its frontier holds an address once per run, so an index that lists itself is read once.
/// </summary>
public static class SitemapExtractor
{
    public static PageExtract Extract(string xml)
    {
        var links = new List<(Uri, bool)>();
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc"
                && Uri.TryCreate(reader.ReadElementContentAsString().Trim(), UriKind.Absolute, out var url)
                // On Unix "/etc/passwd" parses as an absolute file: address; a sitemap lists web pages only.
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                links.Add((url, true));
            }
        }
        return new PageExtract([], links);
    }
}
