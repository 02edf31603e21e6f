using System.Text.Json;
using System.Text.Json.Serialization;
using AssetTrace.Analytics.Engine;

namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// A kind of rule a playbook may use: what it looks for on the analytics snapshot and in the case.
/// New kinds are one class each, listed in
/// <see cref="RuleKinds.All"/>; playbooks name them by <see cref="Kind"/>.
/// </summary>
public interface IRuleKind
{
    string Kind { get; }

    /// <summary>The roles of nodes a finding names, which an action's <c>subjects</c> may pick from.</summary>
    IReadOnlyList<string> SubjectRoles { get; }

    /// <summary>What is wrong with a rule's settings; empty when they are fine.</summary>
    IEnumerable<string> Check(JsonElement settings);

    /// <summary>What the rule finds in the case, evaluated on the snapshot under the viewer's sight.</summary>
    IEnumerable<Finding> Find(GraphSnapshot graph, CaseFacts facts, JsonElement settings);
}

/// <summary>Settings of a rule read strictly: a misspelt member is a problem, not a silent default.</summary>
internal static class RuleSettings
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static T Read<T>(JsonElement settings) where T : new() =>
        settings.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? new T() : settings.Deserialize<T>(Options) ?? new T();

    /// <summary>The problem reading the settings, if any.</summary>
    public static IEnumerable<string> Problems<T>(JsonElement settings, Func<T, IEnumerable<string>> check) where T : new()
    {
        T read;
        try
        {
            read = Read<T>(settings);
        }
        catch (JsonException e)
        {
            return [$"settings: {e.Message}"];
        }
        return check(read);
    }
}

/// <summary>The kinds of rule playbooks may use.</summary>
public static class RuleKinds
{
    public static readonly IReadOnlyList<IRuleKind> All =
    [
        new Rules.ForeignPropertyViaOffshore(),
        new Rules.ForeignAccounts(),
        new Rules.RelativesSuddenWealth(),
        new Rules.OverdueRequests(),
        new Rules.IntelligenceToEvidence(),
        new Rules.OpenSourceForeignAsset(),
    ];

    public static IRuleKind? Find(string kind) => All.FirstOrDefault(k => k.Kind == kind);
}
