using System.Text.Json;

namespace AssetTrace.Graph.Store.Tables;

/// <summary>A row's values as named parameters for <c>DbExtensions</c> (one statement, run once).</summary>
internal sealed class ParameterValues : IColumnValues
{
    private readonly List<(string, object?)> _values = [];
    private string _column = "";

    public (string, object?)[] ToArray() => [.. _values];

    public void Next(string column) => _column = column;

    public void Text(string? value) => _values.Add((_column, value));

    public void Json(JsonElement value) => _values.Add((_column, new Storage.Json(value.GetRawText())));

    public void Date(DateOnly? value) => _values.Add((_column, value));

    public void Instant(DateTimeOffset value) => _values.Add((_column, value));

    public void BigInteger(long value) => _values.Add((_column, value));

    public void Count(int value) => _values.Add((_column, value));

    public void Numeric(decimal? value) => _values.Add((_column, value));

    public void Bool(bool value) => _values.Add((_column, value));
}
