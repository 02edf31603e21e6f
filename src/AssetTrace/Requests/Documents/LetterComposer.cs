using System.Globalization;
using AnyAscii;
using AssetTrace.Cases;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Requests.Documents;

/// <summary>What a letter is made from: the request and everything it refers to, already read from the stores.</summary>
public sealed record LetterContext(
    NetworkRequest Request, NetworkInfo Network, ContactPoint Contact, Case Case,
    IReadOnlyList<Node> Subjects, IReadOnlyList<(Edge Edge, Node Source, Node Target)> Facts, bool SomeFactsWithheld);

/// <summary>
/// Fills a letter from the case and the graph: subjects by name in their original script with a
/// Latin transliteration, their identifiers, the facts known, the questions and the legal basis.
/// </summary>
public sealed class LetterComposer(LetterTemplates templates)
{
    public Letter Compose(LetterContext context, string language)
    {
        string T(string key, params (string, string)[] values) => templates.Text(language, key, values);
        var r = context.Request;
        var crime = T($"crime.{context.Case.CrimeType}");
        var network = NetworkLabel(context.Network, language);
        var blocks = new List<LetterBlock>
        {
            new(BlockKind.Title, context.Network.IsFormal ? T("heading_mla") : T("heading_request", ("network", network))),
            new(BlockKind.Field, r.Number, T("our_reference")),
            new(BlockKind.Field, $"{context.Case.Number} — {context.Case.Title}", T("case")),
            new(BlockKind.Field, $"{context.Contact.Name} <{context.Contact.Email}>", T("to")),
            new(BlockKind.Field, T("signature"), T("from")),
            new(BlockKind.Field, T($"urgency.{Codes.Of(r.Progress.Urgency)}"), T("urgency")),
        };
        if (r.Progress.DueAt is { } due)
        {
            blocks.Add(new(BlockKind.Field, due.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), T("due")));
        }
        blocks.Add(new(BlockKind.Paragraph, T("greeting")));
        blocks.Add(new(BlockKind.Paragraph, context.Network.IsFormal ? T("mla_intro", ("case", context.Case.Number), ("crime", crime)) : T("intro", ("case", context.Case.Number), ("crime", crime))));

        blocks.Add(new(BlockKind.Heading, T("subjects_heading")));
        blocks.AddRange(context.Subjects.Select(s => new LetterBlock(BlockKind.Item, Describe(s, language))));

        if (context.Facts.Count > 0 || context.SomeFactsWithheld)
        {
            blocks.Add(new(BlockKind.Heading, T("facts_heading")));
            foreach (var (edge, source, target) in context.Facts)
            {
                blocks.Add(new(BlockKind.Item, edge.Kind == EdgeKind.Owns && edge.Share is { } share
                    ? T("fact_owns", ("source", source.Name), ("target", target.Name), ("share", Percent(share)))
                    : T("fact_other", ("source", source.Name), ("target", target.Name), ("kind", T($"edge.{Codes.Of(edge.Kind).ToLowerInvariant()}")))));
            }
            if (context.SomeFactsWithheld)
            {
                blocks.Add(new(BlockKind.Paragraph, T("withheld")));
            }
        }

        blocks.Add(new(BlockKind.Heading, T("questions_heading")));
        blocks.AddRange(r.Body.Questions.Select(q => new LetterBlock(BlockKind.Item, T($"question.{q}"))));
        if (!string.IsNullOrWhiteSpace(r.Body.FreeText))
        {
            blocks.Add(new(BlockKind.Heading, T("free_text_heading")));
            blocks.Add(new(BlockKind.Paragraph, r.Body.FreeText));
        }

        blocks.Add(new(BlockKind.Field, r.Body.LegalBasis, T("legal_basis")));
        if (!string.IsNullOrWhiteSpace(r.Body.OffenceDescription))
        {
            blocks.Add(new(BlockKind.Field, r.Body.OffenceDescription, T("offence")));
        }
        if (!string.IsNullOrWhiteSpace(r.Body.AssetLink))
        {
            blocks.Add(new(BlockKind.Field, r.Body.AssetLink, T("asset_link")));
        }
        foreach (var (item, statement) in r.Body.Statements.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            blocks.Add(new(BlockKind.Field, statement, T($"statement.{item}")));
        }
        blocks.Add(new(BlockKind.Field, Confidentiality(r.Body, language), T("confidentiality")));

        blocks.Add(new(BlockKind.Heading, T("use_heading")));
        blocks.Add(new(BlockKind.Paragraph, T($"use.{Codes.Of(context.Network.Restriction)}")));
        if (!string.IsNullOrWhiteSpace(r.Body.Restrictions))
        {
            blocks.Add(new(BlockKind.Paragraph, r.Body.Restrictions));
        }
        blocks.Add(new(BlockKind.Paragraph, T("reply", ("number", r.Number))));
        blocks.Add(new(BlockKind.Paragraph, T("closing")));
        blocks.Add(new(BlockKind.Paragraph, T("signature")));

        var subject = T("subject", ("network", network), ("number", r.Number), ("case", context.Case.Number));
        return new Letter(language, LetterTemplates.IsRightToLeft(language), subject, blocks);
    }

    /// <summary>The network as the letter's language names it; a network the templates do not know (added to the directory's file later) by its name.</summary>
    private string NetworkLabel(NetworkInfo network, string language) =>
        templates.Has(language, $"network.{network.Code}") ? templates.Text(language, $"network.{network.Code}") : network.Name;

    /// <summary>The office's default level is translated (#12: it went out in English in every letter); what an officer typed goes as typed.</summary>
    private string Confidentiality(RequestBody body, string language) =>
        string.Equals(body.Confidentiality.Trim(), RequestBody.DefaultConfidentiality, StringComparison.OrdinalIgnoreCase)
            ? templates.Text(language, "confidentiality.default")
            : body.Confidentiality;

    /// <summary>"Серік Ахметов (Serik Akhmetov), born 1961-04-17, personal identification number 610417300123".</summary>
    private string Describe(Node subject, string language)
    {
        var p = subject.Properties;
        var parts = new List<string>();
        var latin = subject.Name.Transliterate();
        parts.Add(latin == subject.Name ? subject.Name : $"{subject.Name} ({latin})");
        if (p.TryGetProperty("alternateNames", out var alternates) && alternates.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            var others = alternates.EnumerateArray().Select(a => a.GetString()!).Where(a => a != latin).Take(3).ToList();
            if (others.Count > 0)
            {
                parts.Add($"{templates.Text(language, "also_known_as")} {string.Join(", ", others)}");
            }
        }
        void Add(string property, string key)
        {
            if (p.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                parts.Add($"{templates.Text(language, key)} {value.GetString()}");
            }
        }
        Add("birthDate", "born");
        Add("personalId", "personal_id");
        Add("jurisdiction", "registered_in");
        Add("registrationNumber", "registration_number");
        return string.Join(", ", parts);
    }

    private static string Percent(ShareRange share) => share.IsExact
        ? string.Create(CultureInfo.InvariantCulture, $"{share.Low:0.##}%")
        : string.Create(CultureInfo.InvariantCulture, $"{share.Low:0.##}–{share.High:0.##}%");
}
