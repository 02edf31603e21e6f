using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Interchange.Icij;

/// <summary>One ICIJ CSV row → a node, an edge, or a merge suggestion (same_as, similar).</summary>
internal static partial class IcijRows
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "dd-MMM-yyyy", "d-MMM-yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyy/MM/dd", "MMM d, yyyy", "d MMM yyyy", "yyyyMMdd"];

    public static IEnumerable<ImportItem> Map(IcijFile file, IcijColumns c, string[] v, RecordLocation at)
    {
        if (file == IcijFile.Relationships)
        {
            return Relationship(c, v, at);
        }
        var id = c.NodeId(v);
        if (id is null)
        {
            return [new BadRecord(at, "the row has no node id.")];
        }
        at = at with { RecordId = id };
        var o = new JsonObject();
        // Values the row gives but no reader understands: each is reported, the rest of the row is imported (#12).
        var unreadable = new List<ImportItem>();
        string? KnownDateOf(params string[] columns)
        {
            var (column, value) = c.GetNamed(v, columns);
            var date = KnownDate(value);
            if (date is null && value is not null)
            {
                unreadable.Add(Unreadable(at, column!, value));
            }
            return date;
        }
        var countries = AllCountries(c.Get(v, "country_codes"));
        NodeKind kind;
        switch (file)
        {
            case IcijFile.Addresses:
                kind = NodeKind.Address;
                Put(o, "name", c.Get(v, "address", "name"));
                Put(o, "country", countries.FirstOrDefault());
                break;
            case IcijFile.Entities or IcijFile.Others:
                kind = NodeKind.Company;
                Put(o, "name", c.Get(v, "name", "original_name"));
                var original = c.Get(v, "original_name", "former_name");
                if (original is not null && original != c.Get(v, "name"))
                {
                    o["alternateNames"] = new JsonArray(original);
                }
                Put(o, "jurisdiction", Countries.ToAlpha2(c.Get(v, "jurisdiction")) ?? Countries.ToAlpha2(c.Get(v, "jurisdiction_description")));
                Put(o, "registrationNumber", c.Get(v, "ibcruc"));
                Put(o, "incorporationDate", KnownDateOf("incorporation_date"));
                Put(o, "dissolutionDate", KnownDateOf("struck_off_date", "inactivation_date", "closed_date"));
                break;
            default:
                // Officers and intermediaries are people or companies; ICIJ does not say which.
                var name = c.Get(v, "name");
                kind = name is not null && CompanyWords().IsMatch(name) ? NodeKind.Company : NodeKind.Person;
                Put(o, "name", name);
                Put(o, kind == NodeKind.Person ? "nationality" : "jurisdiction", countries.FirstOrDefault());
                break;
        }
        if (countries.Count > 0)
        {
            // Every country of the row's list (ZAF;GBR), not only the first (#12).
            o["countries"] = new JsonArray([.. countries.Select(code => (JsonNode)code)]);
        }
        if (!o.ContainsKey("name"))
        {
            return [new BadRecord(at, "the row has no name.")];
        }
        return [.. unreadable, new NodeRecord(at, id, kind, o)];
    }

    /// <summary>A value left out of a row that is otherwise imported: reported with its file, line and column.</summary>
    private static BadRecord Unreadable(RecordLocation at, string column, string value) =>
        new(at, $"{column} '{(value.Length <= 64 ? value : $"{value[..64]}…")}' is not a date in any format ICIJ files use (23-MAR-2006, 2006-03-23, 03/23/2006, MAR-2006, 2006, …): it was left out, and the rest of the row imported.");

    private static IEnumerable<ImportItem> Relationship(IcijColumns c, string[] v, RecordLocation at)
    {
        var start = c.Start(v);
        var end = c.End(v);
        var type = c.Get(v, "rel_type", "_type", "type")?.ToLowerInvariant();
        var link = c.Get(v, "link")?.ToLowerInvariant();
        if (start is null || end is null || type is null)
        {
            return [new BadRecord(at, "a relationship needs a start, an end and a rel_type.")];
        }
        var id = $"{start}>{end}:{type}:{link}";
        at = at with { RecordId = id };
        var unreadable = new List<ImportItem>();
        string? DateOf(string column)
        {
            var value = c.Get(v, column);
            var date = Date(value);
            // A month or a year is read, and left out as a validity date must be a day (docs/INTERCHANGE.md, "Partial dates").
            if (date is null && value is not null && KnownDate(value) is null)
            {
                unreadable.Add(Unreadable(at, column, value));
            }
            return date;
        }
        var from = DateOf("start_date");
        var to = DateOf("end_date");
        return [.. unreadable, RelationshipItem(start, end, type, link, id, from, to, at)];
    }

    private static ImportItem RelationshipItem(string start, string end, string type, string? link, string id, string? from, string? to, RecordLocation at)
    {
        DateOnly? Day(string? d) => d is null ? null : DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        EdgeRecord Edge(EdgeKind kind, JsonObject properties, EdgeAlternative? alternative = null) =>
            new(at, id, kind, start, end, properties, Day(from), Day(to) is { } t && Day(from) is { } f && t < f ? f : Day(to), alternative);
        var text = link ?? type;
        switch (type)
        {
            case "registered_address":
                return Edge(EdgeKind.RegisteredAt, []);
            case "intermediary_of":
                return Edge(EdgeKind.IntermediaryOf, []);
            case "same_as" or "same_name_as" or "similar" or "same_company_as" or "same_intermediary_as" or "same_address_as" or "probably_same_officer_as" or "same_id_as":
                return new SameAsRecord(at, start, end, $"ICIJ {type}{(link is null ? "" : $" ({link})")}");
            case "officer_of":
                var role = new JsonObject { ["role"] = text };
                if (text.Contains("shareholder", StringComparison.Ordinal) || text.Contains("owner of", StringComparison.Ordinal) && !text.Contains("beneficial", StringComparison.Ordinal))
                {
                    return Edge(EdgeKind.Owns, [], null);
                }
                if (text.Contains("beneficial", StringComparison.Ordinal) || text.Contains("beneficiary", StringComparison.Ordinal))
                {
                    return Edge(EdgeKind.BeneficialOwnerOf, [], new EdgeAlternative(EdgeKind.Controls, role));
                }
                if (text.Contains("director", StringComparison.Ordinal) || text.Contains("secretary", StringComparison.Ordinal)
                    || text.Contains("president", StringComparison.Ordinal) || text.Contains("officer", StringComparison.Ordinal))
                {
                    var director = new JsonObject { ["role"] = text };
                    if (text.Contains("nominee", StringComparison.Ordinal))
                    {
                        director["nominee"] = true;
                    }
                    return Edge(EdgeKind.DirectorOf, director);
                }
                return Edge(EdgeKind.Controls, role);
            default:
                return Edge(EdgeKind.AssociateOf, new JsonObject { ["relationship"] = text.Replace('_', ' ') });
        }
    }

    private static void Put(JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            o[name] = value;
        }
    }

    /// <summary>The countries of an ICIJ list separated by ';' (ZAF;GBR), as ISO alpha-2 codes in the list's order, each once.</summary>
    private static List<string> AllCountries(string? codes) =>
        codes is null ? [] : [.. codes.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Countries.ToAlpha2).OfType<string>().Distinct()];

    /// <summary>ICIJ dates come in several formats (23-MAR-2006, 2006-03-23, 03/23/2006); null when none reads the value.</summary>
    public static string? Date(string? value)
    {
        if (value is null)
        {
            return null;
        }
        return DateTime.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static readonly string[] MonthFormats = ["MMM-yyyy", "MMM yyyy", "yyyy-MM", "MM/yyyy"];

    /// <summary>A date to the day, or only to the month (MAR-2006) or year (2006) when that is all the row says; for properties that keep partial dates.</summary>
    public static string? KnownDate(string? value)
    {
        if (Date(value) is { } day)
        {
            return day;
        }
        var text = value?.Trim();
        if (text is { Length: 4 } && PartialDate.Normalise(text) is { } year)
        {
            return year;
        }
        return DateTime.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var month)
            ? PartialDate.Month(DateOnly.FromDateTime(month))
            : null;
    }

    [GeneratedRegex(@"\b(LTD|LIMITED|INC|CORP|CORPORATION|S\.?A|LLC|LLP|LP|GMBH|AG|N\.?V|B\.?V|TRUST|TRUSTEES?|FOUNDATION|STIFTUNG|ANSTALT|HOLDINGS?|COMPANY|CO|BANK|NOMINEES?|SERVICES|MANAGEMENT|PARTNERS|ASSOCIATES|GROUP|S\.?A\.?R\.?L|PTE|PLC|AS|OY|AB|SPA|SRL|ESTABLISHMENT|FIDUCIA\w*|TREUHAND)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CompanyWords();
}
