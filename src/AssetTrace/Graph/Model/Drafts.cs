using System.Text.Json;

namespace AssetTrace.Graph.Model;

/// <summary>What a user supplies about the source of a fact; who recorded it is the caller.</summary>
/// <param name="ObtainedAt">When the source was obtained; now when not given.</param>
/// <param name="CaseId">
/// The case to restrict the fact to. On a new fact, absent or null means open; in a change, absent
/// keeps the fact's restriction and null lifts it.
/// </param>
public sealed record ProvenanceDraft(
    SourceKind Source,
    string? Reference,
    DateTimeOffset? ObtainedAt,
    UsageRestriction Restriction,
    Optional<string?> CaseId = default);

/// <summary>A node to create. Its display name is the required <c>name</c> property.</summary>
/// <param name="Id">A caller-chosen stable id (e.g. from an import); generated when null.</param>
public sealed record NodeDraft(
    NodeKind Kind,
    JsonElement Properties,
    ProvenanceDraft Provenance,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? Id = null);

/// <summary>An edge to create from <see cref="SourceId"/> to <see cref="TargetId"/>.</summary>
public sealed record EdgeDraft(
    EdgeKind Kind,
    string SourceId,
    string TargetId,
    JsonElement Properties,
    ProvenanceDraft Provenance,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? Id = null);

/// <summary>
/// A change to an existing node or edge. Properties are a JSON merge patch (a null value
/// removes the key). <see cref="ExpectedVersion"/>, when given, guards against overwriting
/// a change the caller has not seen.
/// </summary>
public sealed record Patch(
    string Id,
    string Reason,
    JsonElement? Properties = null,
    Optional<DateOnly?> ValidFrom = default,
    Optional<DateOnly?> ValidTo = default,
    ProvenanceDraft? Provenance = null,
    int? ExpectedVersion = null);

/// <summary>A value that may be absent (leave as is) or present, possibly null (clear it).</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);

    public T Or(T current) => HasValue ? Value : current;
}
