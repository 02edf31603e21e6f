using System.Text.Json;

namespace AssetTrace.Recovery.Assistant;

/// <summary>A playbook file as written, before its rules are checked (members without a default are required, no unknown member).</summary>
internal sealed record PlaybookFile(string CrimeType, LocalTextFile Title, List<RuleFile> Rules);

internal sealed record LocalTextFile(string En, string Ru);

internal sealed record RuleFile(string Id, string Kind, List<ActionFile> Actions, JsonElement? Settings = null);

internal sealed record ActionFile(
    string Id, string Draft, LocalTextFile Title, LocalTextFile Why, string? Network = null, string? Jurisdiction = null, List<string>? Questions = null,
    List<string>? Subjects = null, string? LegalBasis = null);
