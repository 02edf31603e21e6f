using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnyAscii;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Documents;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.UnitTests.Requests;

/// <summary>
/// A letter goes abroad in the partner's language: every word the office's templates and code put
/// into it must be in that language, and no code of ours (NOMINEE_FOR, INTERPOL_STAR, {placeholder})
/// may show (#12). Letters are composed for every network, crime type, urgency, question, checklist
/// statement and kind of fact; what the officer and the graph supplied is taken out, and what is
/// left is checked.
/// </summary>
public sealed partial class LetterLanguageTests
{
    private static readonly LetterTemplates Templates = new();
    private static readonly string Data = AppContext.BaseDirectory;
    private static readonly RequestCatalogue Catalogue = RequestCatalogue.Load(Path.Combine(Data, "reference-data"));
    private static readonly DateTimeOffset Due = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Proper names and abbreviations every language writes in Latin letters.</summary>
    private static readonly HashSet<string> International = ["CARIN", "ARIN", "AP", "StAR", "UTC"];

    private static readonly string[] AlternateNames = ["Serik Ahmetov"];

    public static TheoryData<string> Languages => [.. LetterTemplates.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_code_or_placeholder_of_ours_shows_in_a_letter(string language)
    {
        foreach (var (letter, context) in Letters(language))
        {
            var text = OurWords(letter, context);
            Assert.Empty(RawCode().Matches(text).Select(m => m.Value).Distinct());
            Assert.Empty(Placeholder().Matches(text).Select(m => m.Value).Distinct());
            var abbreviations = International.Concat(language == "en" ? ["MLA"] : []).ToHashSet();
            Assert.Empty(Capitals().Matches(text).Select(m => m.Value).Where(w => !abbreviations.Contains(w)).Distinct());
        }
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("ar")]
    [InlineData("zh")]
    public void A_letter_in_a_non_Latin_script_has_no_Latin_word_of_ours(string language)
    {
        foreach (var (letter, context) in Letters(language))
        {
            var latin = LatinWord().Matches(OurWords(letter, context)).Select(m => m.Value).Where(w => !International.Contains(w)).Distinct().ToList();
            Assert.True(latin.Count == 0, $"{language} letter through {context.Network.Code} has untranslated words: {string.Join(", ", latin)}");
        }
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void A_French_or_Spanish_letter_has_no_English_word_of_ours(string language)
    {
        // English words of the office's own texts that neither French nor Spanish uses.
        var others = WordsOf(LetterTemplates.Languages.Where(l => l != "en"));
        var english = WordsOf(["en"]).Append(RequestBody.DefaultConfidentiality.ToLowerInvariant()).Where(w => !others.Contains(w)).ToHashSet();
        foreach (var (letter, context) in Letters(language))
        {
            var found = Word().Matches(OurWords(letter, context)).Select(m => m.Value.ToLowerInvariant()).Where(english.Contains).Distinct().ToList();
            Assert.True(found.Count == 0, $"{language} letter through {context.Network.Code} has English words: {string.Join(", ", found)}");
        }
    }

    [Fact]
    public void Every_checklist_statement_and_kind_of_fact_has_a_heading_in_every_language()
    {
        var keys = RequestChecklist.StatementItems(Catalogue).Select(i => $"statement.{i}")
            .Concat(Enum.GetValues<EdgeKind>().Select(k => $"edge.{Codes.Of(k).ToLowerInvariant()}"))
            .Concat(Networks().Select(n => $"network.{n.Code}"));
        foreach (var language in LetterTemplates.Languages)
        {
            Assert.All(keys, key => Assert.True(Templates.Has(language, key), $"{language} has no '{key}'"));
        }
    }

    [Fact]
    public void The_default_confidentiality_is_printed_in_the_letters_language_and_an_officers_own_words_as_typed()
    {
        var (ru, _) = Letters("ru").First();
        Assert.Contains(ru.Blocks, b => b is { Kind: BlockKind.Field, Text: "Конфиденциально", Label: "Конфиденциальность" });

        var context = Context(Networks()[0], "corruption", Urgency.Normal) is var c
            ? c with { Request = c.Request with { Body = c.Request.Body with { Confidentiality = "Строго конфиденциально" } } }
            : null!;
        Assert.Contains(new LetterComposer(Templates).Compose(context, "ru").Blocks, b => b.Text == "Строго конфиденциально");
    }

    /// <summary>Every combination that changes the words of a letter, composed in one language.</summary>
    private static IEnumerable<(Letter Letter, LetterContext Context)> Letters(string language)
    {
        var composer = new LetterComposer(Templates);
        var crimes = File.ReadAllLines(Path.Combine(Data, "graph-schema", "codelists", "crime-type.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList();
        var urgencies = Enum.GetValues<Urgency>();
        var i = 0;
        foreach (var network in Networks())
        {
            foreach (var crime in crimes)
            {
                var context = Context(network, crime, urgencies[i++ % urgencies.Length]);
                yield return (composer.Compose(context, language), context);
            }
        }
    }

    private static List<NetworkInfo> Networks()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data, "reference-data", "network-directory.json")));
        return [.. json.RootElement.GetProperty("networks").EnumerateArray().Select(n => new NetworkInfo(
            n.GetProperty("code").GetString()!, n.GetProperty("name").GetString()!, n.GetProperty("kind").GetString()!,
            n.GetProperty("consentRequired").GetBoolean(), Codes.Parse<UsageRestriction>(n.GetProperty("restriction").GetString()!), 48, 7, 30))];
    }

    private static LetterContext Context(NetworkInfo network, string crime, Urgency urgency)
    {
        var now = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var stamp = new Stamp(1, now, "officer1", now, "officer1");
        var provenance = new Provenance(SourceKind.ManualEntry, null, now, "officer1", UsageRestriction.Evidence);
        Node Node(string id, NodeKind kind, string name, object properties) =>
            new(id, kind, name, JsonSerializer.SerializeToElement(properties), null, null, provenance, stamp);
        var person = Node("p", NodeKind.Person, "Серік Ахметов", new { birthDate = "1961-04-17", personalId = "610417300123", alternateNames = AlternateNames });
        var company = Node("c", NodeKind.Company, "Steppe Horizon Ltd", new { jurisdiction = "VG", registrationNumber = "1934567" });
        var flat = Node("f", NodeKind.RealEstate, "Flat 4, 12 Harbour Row, London", new { });
        var facts = Enum.GetValues<EdgeKind>().Select(kind => (
            new Edge($"e-{kind}", kind, person.Id, kind == EdgeKind.Owns ? flat.Id : company.Id, JsonSerializer.SerializeToElement(new { }),
                kind == EdgeKind.Owns ? ShareRange.Exact(25) : null, null, null, provenance, stamp),
            person, kind == EdgeKind.Owns ? flat : company)).ToList();
        var body = new RequestBody([person.Id, company.Id], [.. Catalogue.Questions.Codes], "Please include any mortgage on the flat.", "UNCAC art. 48",
            "Embezzlement of public funds, 2014-2019", "The flat was bought with funds moved from a state contractor.", RequestBody.DefaultConfidentiality,
            "Not to be passed on.", [.. LetterTemplates.Languages],
            RequestChecklist.StatementItems(Catalogue).ToDictionary(item => item, item => $"Statement on {item.Replace('_', ' ')}."));
        var request = new NetworkRequest("r", "REQ-2026-0042", new RequestRoute("case-1", network.Code, "GB", "cp-1"), body,
            new RequestProgress(RequestStatus.Draft, urgency, Due, false, null), RequestMilestones.None, "0123456789abcdef", stamp);
        var @case = new Case("case-1", "2026-ARC-0017", "Vice-minister's flat", crime, CaseStatus.Open, ["officer1"], new DateOnly(2026, 1, 5), [], stamp, []);
        var contact = new ContactPoint("cp-1", network.Code, "GB", "UK Asset Recovery Office", "aro@uk-aro.example.org", ["en"], "Europe/London", 6, true);
        return new LetterContext(request, network, contact, @case, [person, company], facts, SomeFactsWithheld: true);
    }

    /// <summary>The letter without what the officer, the directory and the graph supplied: what is left is ours.</summary>
    private static string OurWords(Letter letter, LetterContext context)
    {
        var r = context.Request;
        var theirs = new List<string>
        {
            r.Number, context.Case.Number, context.Case.Title, context.Contact.Name, context.Contact.Email,
            r.Body.FreeText!, r.Body.LegalBasis, r.Body.OffenceDescription, r.Body.AssetLink!, r.Body.Restrictions!,
            Due.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "25%",
        };
        theirs.AddRange(r.Body.Statements.Values);
        foreach (var node in context.Subjects.Concat(context.Facts.SelectMany(f => new[] { f.Source, f.Target })))
        {
            theirs.Add(node.Name);
            theirs.Add(node.Name.Transliterate());
            theirs.AddRange(node.Properties.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Array
                ? p.Value.EnumerateArray().Select(v => v.GetString()!)
                : [p.Value.GetString()!]));
        }
        var text = string.Join("\n", letter.Blocks.SelectMany(b => new[] { b.Label ?? "", b.Text }).Append(letter.Subject));
        // Longest first, so a name is not cut apart by a shorter value inside it.
        foreach (var value in theirs.Where(v => !string.IsNullOrEmpty(v)).Distinct().OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, " ", StringComparison.Ordinal);
        }
        return text;
    }

    private static HashSet<string> WordsOf(IEnumerable<string> languages) =>
        [.. languages.SelectMany(l => Templates.KeysOf(l).Select(k => Templates.Text(l, k)))
            .SelectMany(t => Word().Matches(Placeholder().Replace(t, " ")).Select(m => m.Value.ToLowerInvariant()))];

    [GeneratedRegex(@"\b[A-Za-z]+_[A-Za-z0-9_]+\b")]
    private static partial Regex RawCode();

    [GeneratedRegex(@"\{[A-Za-z_]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[A-Z]{2,}\b")]
    private static partial Regex Capitals();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
