using System.Text.Json;

namespace AssetTrace.Recovery.Assistant;

/// <summary>A text in the console's two languages; a playbook gives both.</summary>
public sealed record LocalText(string En, string Ru)
{
    public string In(string language) => language == "ru" ? Ru : En;
}

/// <summary>
/// The assistant's playbook for one crime type (reference-data/playbooks/&lt;crime type&gt;.json): the
/// rules that recommend the next investigative actions, "especially for young investigators".
/// </summary>
public sealed record Playbook(string CrimeType, LocalText Title, IReadOnlyList<PlaybookRule> Rules, string File);

/// <summary>
/// One rule: a kind (what it looks for in the graph and the case, see <see cref="IRuleKind"/>) with its
/// settings, and the actions it recommends for each thing it finds.
/// </summary>
/// <param name="Line">Where the rule starts in its file, for messages about it.</param>
public sealed record PlaybookRule(string Id, string Kind, JsonElement Settings, IReadOnlyList<RuleAction> Actions, int Line);

/// <summary>What a rule recommends: a request (to a network and state), a formal MLA request following an informal one, or a task.</summary>
/// <param name="Jurisdiction">A state's code, or a placeholder the finding fills, e.g. {assetCountry}.</param>
/// <param name="Subjects">Which of the finding's nodes the request is about (its subject roles, e.g. subject, asset, company).</param>
public sealed record RuleAction(
    string Id, ActionDraft Draft, string? Network, string? Jurisdiction, IReadOnlyList<string> Questions, IReadOnlyList<string> Subjects,
    string? LegalBasis, LocalText Title, LocalText Why);

/// <summary>What accepting a recommendation makes.</summary>
public enum ActionDraft
{
    /// <summary>A draft request through the request desk.</summary>
    Request,

    /// <summary>The formal MLA request that follows an informal one (RequestDesk.DraftMlaFromAsync).</summary>
    Mla,

    /// <summary>A task for the team, recorded as accepted.</summary>
    Task,
}

/// <summary>A playbook file that could not be loaded, or a rule in it, with the file and line to fix.</summary>
public sealed record PlaybookProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File} line {Line}: {Message}";
}

/// <summary>The playbooks that loaded, by crime type, and what did not load.</summary>
public sealed record PlaybookSet(IReadOnlyDictionary<string, Playbook> ByCrimeType, IReadOnlyList<PlaybookProblem> Problems);
