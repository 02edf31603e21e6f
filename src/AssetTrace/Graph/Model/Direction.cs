namespace AssetTrace.Graph.Model;

/// <summary>Which edges of a node to follow: those leaving it, those arriving at it, or both.</summary>
public enum Direction
{
    Outgoing,
    Incoming,
    Both,
}
