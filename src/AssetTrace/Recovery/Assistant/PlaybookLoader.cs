using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AssetTrace.Common;
using AssetTrace.Graph.Schema;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// Reads the playbooks, one file per crime type (reference-data/playbooks/*.json). A file is taken
/// whole or not at all: whatever is wrong with it (its JSON, an unknown rule kind, a question the
/// catalogue lacks, a text with control characters) is reported with the file and line, and the
/// other files still load. Files are data the office edits, so they are read as untrusted: bounded
/// size and depth, no unknown members, every text checked as a stored text is.
/// </summary>
public sealed partial class PlaybookLoader(GraphSchema schema, RequestCatalogue catalogue)
{
    /// <summary>A playbook is a page of rules; a larger file is a mistake (or an attack on the parser), not a playbook.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public const int MaxRules = 100;

    public const int MaxActionsPerRule = 10;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "reference-data", "playbooks");

    public PlaybookSet Load(string directory)
    {
        var playbooks = new Dictionary<string, Playbook>(StringComparer.Ordinal);
        var problems = new List<PlaybookProblem>();
        if (!Directory.Exists(directory))
        {
            return new PlaybookSet(playbooks, [new PlaybookProblem(directory, 0, "the playbook folder does not exist; the assistant has no rules.")]);
        }
        foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var (playbook, found) = LoadFile(path);
            problems.AddRange(found);
            if (playbook is not null)
            {
                playbooks[playbook.CrimeType] = playbook;
            }
        }
        return new PlaybookSet(playbooks, problems);
    }

    /// <summary>One file: its playbook, or null and why not.</summary>
    public (Playbook? Playbook, List<PlaybookProblem> Problems) LoadFile(string path)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            return (null, [new PlaybookProblem(name, 1, $"the file is {info.Length} bytes; a playbook may be at most {MaxFileBytes}.")]);
        }
        var text = File.ReadAllText(path);
        PlaybookFile? file;
        try
        {
            file = JsonSerializer.Deserialize<PlaybookFile>(text, Options);
        }
        catch (JsonException e)
        {
            return (null, [new PlaybookProblem(name, (int)(e.LineNumber ?? 0) + 1, $"not a playbook: {e.Message}")]);
        }
        if (file is null)
        {
            return (null, [new PlaybookProblem(name, 1, "the file holds null, not a playbook.")]);
        }
        var problems = new List<PlaybookProblem>();
        void Problem(string? near, string message) => problems.Add(new PlaybookProblem(name, LineOf(text, near), message));

        var crimeTypes = schema.CodeLists["crime-type"];
        if (!crimeTypes.Contains(file.CrimeType) || Path.GetFileNameWithoutExtension(path) != file.CrimeType)
        {
            Problem(file.CrimeType, $"crimeType '{Shown(file.CrimeType)}' must be a crime type ({string.Join(", ", crimeTypes.Codes)}) and the file's name.");
        }
        CheckText(file.Title, "title", TextKind.Line, TextLimits.CaseTitle, null, Problem);
        if (file.Rules.Count > MaxRules)
        {
            Problem(null, $"{file.Rules.Count} rules; a playbook may hold at most {MaxRules}.");
        }
        var rules = new List<PlaybookRule>();
        foreach (var rule in file.Rules.Take(MaxRules))
        {
            if (CheckRule(rule, rules, Problem) is { } checkedRule)
            {
                rules.Add(checkedRule with { Line = LineOf(text, rule.Id) });
            }
        }
        return problems.Count > 0
            ? (null, problems)
            : (new Playbook(file.CrimeType, new LocalText(file.Title.En, file.Title.Ru), rules, name), problems);
    }

    private PlaybookRule? CheckRule(RuleFile rule, List<PlaybookRule> loaded, Action<string?, string> problem)
    {
        var count = 0;
        void Problem(string? near, string message)
        {
            count++;
            problem(near ?? rule.Id, $"rule '{Shown(rule.Id)}': {message}");
        }
        if (TextHygiene.Check("id", rule.Id, TextKind.Identifier, TextLimits.Id) is not null || string.IsNullOrWhiteSpace(rule.Id))
        {
            Problem(null, "the id must be a short identifier.");
        }
        if (loaded.Any(r => r.Id == rule.Id))
        {
            Problem(null, "another rule of the playbook has this id.");
        }
        var kind = RuleKinds.Find(rule.Kind);
        if (kind is null)
        {
            Problem(rule.Kind, $"kind '{Shown(rule.Kind)}' is not one the assistant knows ({string.Join(", ", RuleKinds.All.Select(k => k.Kind))}).");
        }
        var settings = rule.Settings ?? default;
        if (kind is not null)
        {
            foreach (var message in kind.Check(settings))
            {
                Problem(null, message);
            }
        }
        if (rule.Actions.Count is 0 or > MaxActionsPerRule)
        {
            Problem(null, $"give between 1 and {MaxActionsPerRule} actions.");
        }
        var actions = new List<RuleAction>();
        foreach (var action in rule.Actions.Take(MaxActionsPerRule))
        {
            if (CheckAction(action, kind, actions, Problem) is { } checkedAction)
            {
                actions.Add(checkedAction);
            }
        }
        return count == 0 ? new PlaybookRule(rule.Id, rule.Kind, settings.ValueKind == JsonValueKind.Undefined ? default : settings.Clone(), actions, 0) : null;
    }

    private RuleAction? CheckAction(ActionFile action, IRuleKind? kind, List<RuleAction> loaded, Action<string?, string> problem)
    {
        var count = 0;
        void Problem(string message)
        {
            count++;
            problem(action.Id, $"action '{Shown(action.Id)}': {message}");
        }
        if (TextHygiene.Check("id", action.Id, TextKind.Identifier, TextLimits.Id) is not null || string.IsNullOrWhiteSpace(action.Id) || loaded.Any(a => a.Id == action.Id))
        {
            Problem("the id must be a short identifier, once per rule.");
        }
        ActionDraft? draft = action.Draft switch { "request" => ActionDraft.Request, "mla" => ActionDraft.Mla, "task" => ActionDraft.Task, _ => null };
        if (draft is null)
        {
            Problem($"draft '{Shown(action.Draft)}' must be request, mla or task.");
        }
        if (draft == ActionDraft.Request)
        {
            if (action.Network is null || (TextHygiene.Check("network", action.Network, TextKind.Identifier, 32) is not null && !PlaceholderPattern().IsMatch(action.Network)))
            {
                Problem("a request names its network (CARIN, EGMONT, …) or a placeholder the rule fills ({network}).");
            }
            if (action.Jurisdiction is null || !JurisdictionPattern().IsMatch(action.Jurisdiction))
            {
                Problem("a request names its jurisdiction: a state's code (GB) or a placeholder the rule fills ({assetCountry}).");
            }
            foreach (var question in (action.Questions ?? []).Where(q => !catalogue.Questions.Contains(q)))
            {
                Problem($"question '{Shown(question)}' is not in the catalogue ({string.Join(", ", catalogue.Questions.Codes)}).");
            }
            if ((action.Questions ?? []).Count == 0)
            {
                Problem("a request asks at least one question.");
            }
        }
        foreach (var subject in (action.Subjects ?? []).Where(s => kind is not null && !kind.SubjectRoles.Contains(s)))
        {
            Problem($"subject '{Shown(subject)}' is not one the rule finds ({string.Join(", ", kind!.SubjectRoles)}).");
        }
        if (TextHygiene.Check("legalBasis", action.LegalBasis, TextKind.FreeText, TextLimits.RequestShortText) is { } basis)
        {
            Problem(basis.ToString());
        }
        CheckText(action.Title, "title", TextKind.Line, TextLimits.CaseTitle, action.Id, (_, m) => Problem(m));
        CheckText(action.Why, "why", TextKind.FreeText, TextLimits.Note, action.Id, (_, m) => Problem(m));
        return count == 0 && draft is { } d
            ? new RuleAction(action.Id, d, action.Network, action.Jurisdiction, action.Questions ?? [], action.Subjects ?? [], action.LegalBasis,
                new LocalText(action.Title.En, action.Title.Ru), new LocalText(action.Why.En, action.Why.Ru))
            : null;
    }

    private static void CheckText(LocalTextFile text, string field, TextKind kind, int limit, string? near, Action<string?, string> problem)
    {
        foreach (var (language, value) in new[] { ("en", text.En), ("ru", text.Ru) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problem(near, $"{field}.{language} is empty: give the text in English and Russian.");
            }
            else if (TextHygiene.Check($"{field}.{language}", value, kind, limit) is { } error)
            {
                problem(near, error.ToString());
            }
        }
    }

    /// <summary>The line (from 1) where a value first appears as a JSON string in the text; 1 when it does not.</summary>
    internal static int LineOf(string text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }
        var at = text.IndexOf(JsonSerializer.Serialize(value), StringComparison.Ordinal);
        return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>A value quoted back in a message, cut short: a hostile file should not fill the log.</summary>
    private static string Shown(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^([A-Z]{2}|\{[a-zA-Z]{1,32}\})$")]
    private static partial Regex JurisdictionPattern();

    [GeneratedRegex(@"^\{[a-zA-Z]{1,32}\}$")]
    private static partial Regex PlaceholderPattern();
}
