namespace AssetTrace.Graph.Model;

/// <summary>One version in the history of a node or edge: what it was after the change, who, when and why.</summary>
/// <typeparam name="T">Node or Edge.</typeparam>
public sealed record Change<T>(int Version, ChangeKind Kind, T State, DateTimeOffset At, string By, string? Reason);

public enum ChangeKind
{
    Created,
    Updated,
    Deleted,
}
