using AssetTrace.Graph.Model;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Which node a source record became, for the records met most recently: edges name their ends by
/// record id, so most of a run's lookups are answered here. Bounded so that a multi-GB file keeps
/// memory flat; kept in two generations, so that when it is full only the older half is dropped and
/// what a chunk has just read ahead is never lost before the chunk uses it (issue #4).
/// </summary>
internal sealed class RecentRecordNodes(int capacity)
{
    private Dictionary<string, (string Id, NodeKind Kind)> _current = new(StringComparer.Ordinal);
    private Dictionary<string, (string Id, NodeKind Kind)> _previous = new(StringComparer.Ordinal);

    public bool TryGet(string key, out (string Id, NodeKind Kind) node)
    {
        if (_current.TryGetValue(key, out node))
        {
            return true;
        }
        if (!_previous.TryGetValue(key, out node))
        {
            return false;
        }
        // Still in use: keep it when the older generation goes.
        Add(key, node);
        return true;
    }

    public void Add(string key, (string Id, NodeKind Kind) node)
    {
        if (string.Equals(node.Id, key, StringComparison.Ordinal))
        {
            // Most imported ids read like their record keys ("icij:12000123"): one string serves both, so an entry costs half.
            node = (key, node.Kind);
        }
        if (_current.Count >= capacity / 2)
        {
            _previous = _current;
            _current = new Dictionary<string, (string Id, NodeKind Kind)>(capacity / 2, StringComparer.Ordinal);
        }
        _current[key] = node;
    }
}
