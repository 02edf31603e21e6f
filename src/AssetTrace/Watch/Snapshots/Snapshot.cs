namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// A dated copy of what the crawler saw at one address (#15): it may become evidence, so it keeps the
/// address, status, headers, time and the SHA-256 of the body, which is stored once by that hash.
/// </summary>
public sealed record Snapshot(
    string Id,
    string Source,
    string RunId,
    string Url,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    DateTimeOffset FetchedAt,
    string Sha256,
    bool Truncated,
    string? ContentType,
    string? Charset)
{
    /// <summary>How a fact accepted from it names its source: address, time and hash.</summary>
    public string Reference => $"{Url} fetched {FetchedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} sha256:{Sha256}";
}
