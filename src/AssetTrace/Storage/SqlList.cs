namespace AssetTrace.Storage;

/// <summary>The parameters of an SQL <c>IN (…)</c> list, named <c>@{prefix}0</c>, <c>@{prefix}1</c>, …, that both stores accept.</summary>
public static class SqlList
{
    public static (string List, (string, object?)[] Parameters) Of(string prefix, IEnumerable<string> values)
    {
        var parameters = values.Select((v, i) => ($"{prefix}{i}", (object?)v)).ToArray();
        return (string.Join(", ", parameters.Select(p => "@" + p.Item1)), parameters);
    }
}
