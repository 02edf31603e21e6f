using System.Text.Json;

namespace AssetTrace.Graph.Store.Tables;

/// <summary>
/// Where a row's values go, one call per column in the table's order: a binary COPY buffer, a
/// prepared statement's parameters, or a plain parameter list. Each method is the one of its
/// <see cref="ColumnType"/>.
/// </summary>
internal interface IColumnValues
{
    /// <summary>The next value is the named column's (a parameter's name; COPY goes by position and ignores it).</summary>
    void Next(string column);

    void Text(string? value);

    void Json(JsonElement value);

    void Date(DateOnly? value);

    void Instant(DateTimeOffset value);

    void BigInteger(long value);

    void Count(int value);

    void Numeric(decimal? value);

    void Bool(bool value);
}
