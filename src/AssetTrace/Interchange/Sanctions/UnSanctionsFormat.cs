using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Interchange.Sanctions;

/// <summary>
/// The UN Security Council consolidated list XML (CONSOLIDATED_LIST / INDIVIDUALS / ENTITIES).
/// Each INDIVIDUAL or ENTITY is read on its own (XmlReader, one element at a time) and becomes a
/// Person or Company node with its aliases and birth date, plus a sanction listing. A national
/// id number matches an existing person; a name and birth date only suggest a merge.
/// </summary>
public sealed class UnSanctionsFormat : IImportFormat
{
    public const string FormatName = "un-sanctions";
    public const string ListName = "UN Security Council Consolidated List";

    private static readonly string[] NameParts = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    public string Name => FormatName;

    public string Description => "UN Security Council consolidated sanctions list XML.";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string fileName, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, CloseInput = false };
        using var reader = XmlReader.Create(stream, settings);
        var sawRoot = false;
        while (true)
        {
            var (element, line) = await NextAsync(reader, fileName, ct);
            if (element is null)
            {
                break;
            }
            if (element.Name.LocalName == "CONSOLIDATED_LIST")
            {
                sawRoot = true;
                continue;
            }
            foreach (var item in Entry(element, new RecordLocation(fileName, line, null)))
            {
                yield return item;
            }
        }
        if (!sawRoot)
        {
            throw new ImportFormatException(new RecordLocation(fileName, 1, null), "not a UN consolidated list: the root element is not CONSOLIDATED_LIST.");
        }
    }

    /// <summary>The next INDIVIDUAL or ENTITY element (read whole), or the root as a marker; null at the end.</summary>
    private static async Task<(XElement? Element, long Line)> NextAsync(XmlReader reader, string fileName, CancellationToken ct)
    {
        try
        {
            while (!reader.EOF)
            {
                ct.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "INDIVIDUAL" or "ENTITY")
                {
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    return ((XElement)await XNode.ReadFromAsync(reader, ct), line);
                }
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "CONSOLIDATED_LIST")
                {
                    await reader.ReadAsync();
                    return (new XElement("CONSOLIDATED_LIST"), 1);
                }
                await reader.ReadAsync();
            }
            return (null, 0);
        }
        catch (XmlException e)
        {
            throw new ImportFormatException(new RecordLocation(fileName, e.LineNumber, null), $"not well-formed XML: {e.Message}", e);
        }
    }

    private static List<ImportItem> Entry(XElement e, RecordLocation at)
    {
        var id = Text(e, "DATAID");
        var reference = Text(e, "REFERENCE_NUMBER");
        at = at with { RecordId = reference ?? id };
        if (id is null || reference is null)
        {
            return [new BadRecord(at, $"the {e.Name.LocalName} has no DATAID or REFERENCE_NUMBER.")];
        }
        var individual = e.Name.LocalName == "INDIVIDUAL";
        var name = string.Join(' ', NameParts.Select(n => Text(e, n)).OfType<string>());
        if (name.Length == 0)
        {
            return [new BadRecord(at, "the entry has no name.")];
        }
        var alternates = e.Elements(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS").Select(a => Text(a, "ALIAS_NAME"))
            .Append(Text(e, "NAME_ORIGINAL_SCRIPT")).OfType<string>().Where(a => a != name).Distinct(StringComparer.Ordinal).ToList();
        var o = new JsonObject { ["name"] = name };
        if (alternates.Count > 0)
        {
            o["alternateNames"] = new JsonArray([.. alternates.Select(a => (JsonNode)a)]);
        }
        if (individual)
        {
            if (BirthDate(e) is { } birth)
            {
                o["birthDate"] = birth;
            }
            var nationality = e.Elements("NATIONALITY").Elements("VALUE").Select(v => Countries.ToAlpha2(v.Value)).FirstOrDefault(c => c is not null);
            if (nationality is not null)
            {
                o["nationality"] = nationality;
            }
            var nationalId = e.Elements("INDIVIDUAL_DOCUMENT").FirstOrDefault(d => (Text(d, "TYPE_OF_DOCUMENT") ?? "").Contains("National Identification", StringComparison.OrdinalIgnoreCase));
            if (nationalId is not null && Text(nationalId, "NUMBER") is { } number)
            {
                o["personalId"] = number;
            }
            if (e.Elements("DESIGNATION").Elements("VALUE").Select(v => v.Value.Trim()).FirstOrDefault(v => v.Length > 0) is { } designation)
            {
                o["position"] = designation;
            }
        }
        var listed = DateOnly.TryParseExact(Text(e, "LISTED_ON"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var details = new JsonObject
        {
            ["dataId"] = id,
            ["listType"] = Text(e, "UN_LIST_TYPE"),
            ["comments"] = Text(e, "COMMENTS1"),
            ["lastUpdated"] = new JsonArray([.. e.Elements("LAST_DAY_UPDATED").Elements("VALUE").Select(v => (JsonNode)v.Value.Trim())]),
        };
        return
        [
            new NodeRecord(at, id, individual ? NodeKind.Person : NodeKind.Company, o)
            {
                AsOf = e.Elements("LAST_DAY_UPDATED").Elements("VALUE").Select(v => v.Value.Trim()).Order(StringComparer.Ordinal).LastOrDefault(),
            },
            new SanctionRecord(at, id, ListName, reference, listed, Text(e, "UN_LIST_TYPE"), details),
        ];
    }

    /// <summary>The first EXACT date of birth: DATE when whole, else YEAR (kept as a partial date for matching).</summary>
    /// <summary>The first date of birth the list gives, to the day or only the year (the list often knows no more).</summary>
    private static string? BirthDate(XElement e)
    {
        foreach (var dob in e.Elements("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            if (Text(dob, "DATE") is { } date && DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var full))
            {
                return PartialDate.Day(full);
            }
            if (PartialDate.Normalise(Text(dob, "YEAR")) is { Length: 4 } year)
            {
                return year;
            }
        }
        return null;
    }

    private static string? Text(XElement e, string name) =>
        e.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
