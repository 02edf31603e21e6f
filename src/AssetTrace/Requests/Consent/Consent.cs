namespace AssetTrace.Requests.Consent;

/// <summary>A provider's consent to use what it sent beyond intelligence (in court, or disseminated).</summary>
/// <param name="Reference">The letter or message in which the provider consented.</param>
public sealed record Consent(string Id, string RequestId, string Provider, string Scope, string Reference, DateOnly GrantedOn, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A fact that may not go into an MLA draft or a court export yet, and why.</summary>
public sealed record WithheldFact(string Entity, string EntityId, string? RequestId, string Reason);
