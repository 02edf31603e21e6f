namespace AssetTrace.Graph.Model;

/// <summary>
/// A share in percent known exactly (Low == High) or only as a range, as BODS allows
/// (minimum/maximum). Unknown shares are represented by the absence of a range, never guessed.
/// </summary>
public readonly record struct ShareRange(decimal Low, decimal High)
{
    public static ShareRange Exact(decimal percent) => new(percent, percent);

    public bool IsExact => Low == High;
}
