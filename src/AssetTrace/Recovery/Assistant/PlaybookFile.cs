using System.Text.Json;

namespace AssetTrace.Recovery.Assistant;

/// <summary>A playbook file as written, before its rules are checked (every member required, no unknown member).</summary>
internal sealed record PlaybookFile(string CrimeType, LocalTextFile Title, List<RuleFile> Rules);

internal sealed record LocalTextFile(string En, string Ru);

internal sealed record RuleFile(string Id, string Kind, JsonElement? Settings, List<ActionFile> Actions);

internal sealed record ActionFile(
    string Id, string Draft, string? Network, string? Jurisdiction, List<string>? Questions, List<string>? Subjects, string? LegalBasis,
    LocalTextFile Title, LocalTextFile Why);
