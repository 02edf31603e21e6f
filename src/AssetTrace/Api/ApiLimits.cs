namespace AssetTrace.Api;

/// <summary>Limits that keep one request from taking the server down; section "Api" of the configuration.</summary>
public sealed class ApiLimits
{
    public int DefaultPageSize { get; set; } = 25;

    public int MaxPageSize { get; set; } = 100;

    public int MaxDepth { get; set; } = 15;

    public int MaxComplexity { get; set; } = 50_000;

    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    public int MaxPathHops { get; set; } = 8;

    public int MaxNeighbourhoodHops { get; set; } = 3;
}
