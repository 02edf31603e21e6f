using System.Collections.Frozen;
using System.Text;

namespace AssetTrace.Graph.Model;

/// <summary>
/// Converts enum members to the codes used in graph-schema/, the stores and exports:
/// edge kinds as UPPER_SNAKE (OWNS, DIRECTOR_OF), code-list values as lower_snake
/// (intelligence_only), node kinds as their PascalCase name (RealEstate).
/// </summary>
public static class Codes
{
    public static string Of(EdgeKind kind) => EdgeCodes[kind];

    public static string Of(NodeKind kind) => kind.ToString();

    public static string Of<T>(T value) where T : struct, Enum => Snake(value.ToString());

    public static bool TryParseEdgeKind(string code, out EdgeKind kind) => EdgeKinds.TryGetValue(code, out kind);

    public static bool TryParseNodeKind(string code, out NodeKind kind) =>
        Enum.TryParse(code, ignoreCase: false, out kind) && Enum.IsDefined(kind);

    public static bool TryParse<T>(string code, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == code)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static EdgeKind ParseEdgeKind(string code) =>
        TryParseEdgeKind(code, out var kind) ? kind : throw new FormatException($"Unknown edge kind '{code}'.");

    public static NodeKind ParseNodeKind(string code) =>
        TryParseNodeKind(code, out var kind) ? kind : throw new FormatException($"Unknown node kind '{code}'.");

    public static T Parse<T>(string code) where T : struct, Enum =>
        TryParse<T>(code, out var value) ? value : throw new FormatException($"Unknown {typeof(T).Name} code '{code}'.");

    private static readonly FrozenDictionary<EdgeKind, string> EdgeCodes =
        Enum.GetValues<EdgeKind>().ToFrozenDictionary(k => k, k => Snake(k.ToString()).ToUpperInvariant());

    private static readonly FrozenDictionary<string, EdgeKind> EdgeKinds =
        EdgeCodes.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
