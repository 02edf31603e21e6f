namespace AssetTrace.Analytics.Ownership;

/// <summary>Which way shares flow from the node a calculation starts at.</summary>
public enum FlowDirection
{
    /// <summary>Towards the owners of a company or asset: who owns it, and how much.</summary>
    Upstream,

    /// <summary>Towards what a person or company owns: its holdings, and how much of each.</summary>
    Downstream,
}
