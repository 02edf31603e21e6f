using AssetTrace.Analytics.Wealth;
using AssetTrace.Cases;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Recovery.Assistant;

/// <summary>A fact a recommendation rests on, to link to: a node, an edge or a request.</summary>
public sealed record FactLink(string Kind, string Id, string Label);

/// <summary>
/// One thing a rule found: the values its texts fill in ({assetName}, {country}, …), the nodes by
/// role (the request's subjects), the facts that triggered it, and the request it is about, if any.
/// </summary>
public sealed record Finding(
    IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, IReadOnlyList<string>> Subjects, IReadOnlyList<FactLink> Facts,
    string? RequestId = null);

/// <summary>
/// What the rules read besides the graph: the case, its requests, which of them have the provider's consent, the rates, today,
/// and the facts its accepted open-source leads wrote (by node or edge id).
/// </summary>
public sealed record CaseFacts(Case Case, IReadOnlyList<NetworkRequest> Requests, IReadOnlySet<string> ConsentedRequests, RateTable Rates, DateOnly Today,
    IReadOnlyDictionary<string, OpenSourceFact> OpenSource);
