using System.Globalization;
using NpgsqlTypes;

namespace AssetTrace.Operations.Backup;

/// <summary>
/// Turns a value read from a backup (<see cref="BackupValues.Read"/>) into what the target column takes.
/// SQLite is given the value as the app itself binds it (instants as DateTimeOffset, dates as DateOnly), so
/// a restored row reads and compares as one the app wrote; PostgreSQL is given the type its catalogue names.
/// </summary>
public static class RestoreValues
{
    public static object? ForSqlite(object? value) => value;

    public static (object Value, NpgsqlDbType Type) ForPostgres(object value, string column, string type) => type switch
    {
        "text" or "character varying" or "character" or "name" => (Text(value), NpgsqlDbType.Text),
        "jsonb" => (Text(value), NpgsqlDbType.Jsonb),
        "json" => (Text(value), NpgsqlDbType.Json),
        "uuid" => (Guid.Parse(Text(value)), NpgsqlDbType.Uuid),
        "smallint" => ((short)Whole(value, column), NpgsqlDbType.Smallint),
        "integer" => ((int)Whole(value, column), NpgsqlDbType.Integer),
        "bigint" => (Whole(value, column), NpgsqlDbType.Bigint),
        "boolean" => (value switch { bool b => b, long l => l != 0, string s => s is "1" or "true" or "t", _ => throw Unfit(value, column, type) }, NpgsqlDbType.Boolean),
        "numeric" => (Decimal(value, column, type), NpgsqlDbType.Numeric),
        "double precision" => (Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double),
        "real" => (Convert.ToSingle(value, CultureInfo.InvariantCulture), NpgsqlDbType.Real),
        "bytea" => (value as byte[] ?? throw Unfit(value, column, type), NpgsqlDbType.Bytea),
        "timestamp with time zone" => (Instant(value, column, type), NpgsqlDbType.TimestampTz),
        "date" => (Date(value, column, type), NpgsqlDbType.Date),
        _ => throw new NotSupportedException($"Column {column} has the PostgreSQL type '{type}', which restores do not write yet: add it to {nameof(RestoreValues)}."),
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        DateTimeOffset at => BackupValues.Instant(at),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static long Whole(object value, string column) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw Unfit(value, column, "integer"),
    };

    private static decimal Decimal(object value, string column, string type) => value switch
    {
        decimal d => d,
        long l => l,
        // SQLite keeps a NUMERIC fraction as a double; its shortest round-trip text is the decimal that was written.
        double d => decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw Unfit(value, column, type),
    };

    private static DateTimeOffset Instant(object value, string column, string type) => value switch
    {
        DateTimeOffset at => at.ToUniversalTime(),
        // SQLite keeps instants as ISO-8601 text (Microsoft.Data.Sqlite writes "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz").
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
        _ => throw Unfit(value, column, type),
    };

    private static DateOnly Date(object value, string column, string type) => value switch
    {
        DateOnly day => day,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        string s => DateOnly.FromDateTime(DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
        _ => throw Unfit(value, column, type),
    };

    private static FormatException Unfit(object value, string column, string type) =>
        new($"the backup's value for {column} ({value.GetType().Name}) cannot be stored as {type}");
}
