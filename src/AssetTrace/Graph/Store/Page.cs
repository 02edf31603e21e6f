using System.Text;

namespace AssetTrace.Graph.Store;

/// <summary>One page of a longer list, with an opaque cursor to ask for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, string? EndCursor, bool HasNextPage);

/// <summary>Opaque cursors: base64 of the sort key of the last item on a page.</summary>
public static class Cursor
{
    public static string Encode(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));

    public static string[]? Decode(string? cursor, int parts)
    {
        if (cursor is null)
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('\u001f');
            return decoded.Length == parts ? decoded : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new Common.UserInputException("after", $"'{cursor}' is not a cursor this list returned; pass the endCursor of the previous page.");
        }
    }
}
