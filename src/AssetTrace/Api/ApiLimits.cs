namespace AssetTrace.Api;

/// <summary>Limits that keep one request from taking the server down; section "Api" of the configuration.</summary>
public sealed class ApiLimits
{
    public int DefaultPageSize { get; set; } = 25;

    public int MaxPageSize { get; set; } = 100;

    public int MaxDepth { get; set; } = 15;

    /// <summary>The most a query may cost, with the field costs of <see cref="Limits.FieldCosts"/>.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    public int MaxPathHops { get; set; } = 8;

    public int MaxNeighbourhoodHops { get; set; } = 3;

    /// <summary>How often one field may be selected under different aliases in one selection set (#11).</summary>
    public int MaxAliasesPerField { get; set; } = 10;

    /// <summary>
    /// The largest answer the server builds and sends; anything larger is refused with
    /// RESPONSE_TOO_LARGE. A request's letters in all six UN languages as PDF take about 7 MB
    /// (the Chinese one embeds its font), and they must still fit.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Requests with expensive fields (PDF letters, analytics with paths, imports) one user may run at once.</summary>
    public int ExpensiveConcurrentPerUser { get; set; } = 2;

    /// <summary>Expensive fields one user may ask for per minute (a token bucket, refilled evenly).</summary>
    public int ExpensivePerMinutePerUser { get; set; } = 60;

    /// <summary>Requests with expensive fields the whole server runs at once, whoever sends them.</summary>
    public int ExpensiveConcurrentTotal { get; set; } = 4;
}
