using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Extraction;

/// <summary>
/// Reads an HTML page by the source's CSS selectors with AngleSharp (#15). No scripts run and nothing
/// is loaded: the parser only builds the tree (AngleSharp without a scripting engine or a loader).
/// </summary>
public static class HtmlExtractor
{
    // Scripting off: <noscript> is read as markup, as a browser without scripts would, and nothing is run.
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static PageExtract Extract(string html, Uri pageUrl, RecordMapping mapping, Pagination? pagination)
    {
        using var document = Parser.ParseDocument(html);
        var records = new List<ExtractedRecord>();
        foreach (var item in document.QuerySelectorAll(mapping.Item ?? "body"))
        {
            var values = new List<ExtractedValue>();
            foreach (var (property, selector) in mapping.Properties)
            {
                foreach (var element in item.QuerySelectorAll(selector))
                {
                    var text = Clean(element.TextContent);
                    if (text.Length > 0)
                    {
                        values.Add(new ExtractedValue(property, text, CssPath(element)));
                    }
                }
            }
            if (values.Count > 0)
            {
                records.Add(new ExtractedRecord(CssPath(item), values));
            }
        }
        var links = new List<(Uri, bool)>();
        if (pagination is not null)
        {
            links.AddRange(Links(document, pageUrl, pagination.Next).Select(u => (u, false)));
            links.AddRange(Links(document, pageUrl, pagination.Follow).Select(u => (u, true)));
        }
        return new PageExtract(records, links);
    }

    private static IEnumerable<Uri> Links(IDocument document, Uri pageUrl, string? selector)
    {
        if (selector is null)
        {
            yield break;
        }
        foreach (var element in document.QuerySelectorAll(selector))
        {
            var href = element.GetAttribute("href");
            if (href is not null && Uri.TryCreate(pageUrl, href.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
            {
                yield return new UriBuilder(url) { Fragment = "" }.Uri;
            }
        }
    }

    /// <summary>Text as a reader sees it: whitespace runs as one space, control characters dropped.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (char.IsControl(c))
            {
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The element's path from the root: "html > body > div:nth-child(2) > span:nth-child(1)", unique in the document.</summary>
    public static string CssPath(IElement element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null; e = e.ParentElement)
        {
            var index = e.ParentElement is null ? 0 : e.ParentElement.Children.Index(e) + 1;
            parts.Add(index == 0 ? e.LocalName : $"{e.LocalName}:nth-child({index})");
        }
        parts.Reverse();
        return string.Join(" > ", parts);
    }
}
