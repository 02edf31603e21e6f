using System.Text.Json.Nodes;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Sanctions;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Extraction;

/// <summary>
/// The UN Security Council consolidated list, read by the interchange's own parser (<see cref="UnSanctionsFormat"/>),
/// so the watch and an import read the list alike. A property's selector names a property of the
/// person or company the parser makes (name, alternateNames, personalId, birthDate, …); the element
/// is the record's line and reference in the list.
/// </summary>
public static class SanctionsExtractor
{
    public static PageExtract Extract(byte[] body, Uri url, RecordMapping mapping)
    {
        using var stream = new MemoryStream(body, writable: false);
        var records = new List<ExtractedRecord>();
        // The body is in memory, so the reader never waits: enumerating it synchronously blocks nothing.
        foreach (var item in new UnSanctionsFormat().ReadAsync(url.AbsoluteUri, stream, CancellationToken.None).ToBlockingEnumerable())
        {
            if (item is not NodeRecord node)
            {
                continue;
            }
            var element = $"line {node.Location.Line}, record {node.RecordId}";
            var values = new List<ExtractedValue>();
            foreach (var (property, selector) in mapping.Properties)
            {
                switch (node.Properties[selector])
                {
                    case JsonArray array:
                        values.AddRange(array.OfType<JsonValue>().Select(v => new ExtractedValue(property, v.ToString(), element)));
                        break;
                    case JsonValue value:
                        values.Add(new ExtractedValue(property, value.ToString(), element));
                        break;
                }
            }
            if (values.Count > 0)
            {
                records.Add(new ExtractedRecord(element, values));
            }
        }
        return new PageExtract(records, []);
    }
}
