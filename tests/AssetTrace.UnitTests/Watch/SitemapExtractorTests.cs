using System.Xml;
using AssetTrace.Watch.Extraction;

namespace AssetTrace.UnitTests.Watch;

/// <summary>The sitemap reader (#15) on sitemaps as sites publish them (namespaces, extensions, index files) and on hostile XML.</summary>
public sealed class SitemapExtractorTests
{
    [Fact]
    public void A_urlset_with_extensions_gives_its_page_addresses_one_level_deeper()
    {
        var links = SitemapExtractor.Extract("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
                    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url>
                <loc> https://news.example.kz/2026/11/villa-on-the-palm </loc>
                <lastmod>2026-11-30T08:00:00+05:00</lastmod><changefreq>daily</changefreq><priority>0.8</priority>
                <image:image><image:loc>https://cdn.example.kz/villa.jpg</image:loc></image:image>
                <news:news><news:title>Villa</news:title></news:news>
              </url>
              <url><loc>https://news.example.kz/2026/11/yacht?utm=1&amp;page=2</loc></url>
              <url><loc>/relative/is/not/an/address</loc></url>
              <url><loc>/etc/passwd</loc></url>
              <url><loc>file:///etc/passwd</loc></url>
              <url><loc>javascript:alert(1)</loc></url>
              <url><loc>ftp://files.example/list</loc></url>
            </urlset>
            """).Links;

        // Every <loc> that is an absolute web address, the image's too (relative, file:, javascript: and ftp: ones are not): which hosts may be asked is the source's decision (WatchSource.Allows).
        Assert.Equal(["https://news.example.kz/2026/11/villa-on-the-palm", "https://cdn.example.kz/villa.jpg", "https://news.example.kz/2026/11/yacht?utm=1&page=2"],
            links.Select(l => l.Url.AbsoluteUri));
        Assert.All(links, l => Assert.True(l.Deeper));
    }

    [Fact]
    public void A_sitemap_index_gives_its_sitemaps()
    {
        var links = SitemapExtractor.Extract("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://registry.example/sitemap-1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
              <sitemap><loc>https://registry.example/sitemap-index.xml</loc></sitemap>
            </sitemapindex>
            """).Links;
        Assert.Equal(["https://registry.example/sitemap-1.xml", "https://registry.example/sitemap-index.xml"], links.Select(l => l.Url.AbsoluteUri));
    }

    [Fact]
    public void Entities_from_a_document_type_are_refused_so_no_file_is_read_and_no_entity_expands()
    {
        Assert.Throws<XmlException>(() => SitemapExtractor.Extract("""
            <?xml version="1.0"?>
            <!DOCTYPE urlset [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <urlset><url><loc>https://x.example/&secret;</loc></url></urlset>
            """));
        Assert.Throws<XmlException>(() => SitemapExtractor.Extract("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
            <urlset><url><loc>https://x.example/&lol2;</loc></url></urlset>
            """));
    }

    [Theory]
    [InlineData("<urlset><url><loc>https://x.example/a</loc></url>")]
    [InlineData("<urlset><url><loc>https://x.example/a</url></loc></urlset>")]
    [InlineData("not xml")]
    public void Malformed_XML_is_refused_as_XML(string xml) =>
        Assert.Throws<XmlException>(() => SitemapExtractor.Extract(xml));
}
