namespace AssetTrace.Graph.Store.Tables;

/// <summary>
/// How a column's value is typed and encoded: the PostgreSQL type a prepared parameter is bound as
/// and a binary COPY writes, and the value a SQLite parameter is given.
/// </summary>
public enum ColumnType
{
    /// <summary>PostgreSQL text; SQLite TEXT.</summary>
    Text,

    /// <summary>PostgreSQL jsonb; SQLite TEXT holding the JSON.</summary>
    Json,

    /// <summary>PostgreSQL date; SQLite TEXT, yyyy-MM-dd.</summary>
    Date,

    /// <summary>PostgreSQL timestamptz; SQLite TEXT, ISO 8601 with offset.</summary>
    Instant,

    /// <summary>PostgreSQL bigint; SQLite INTEGER.</summary>
    BigInteger,

    /// <summary>PostgreSQL integer; SQLite INTEGER.</summary>
    Count,

    /// <summary>PostgreSQL numeric; SQLite REAL or TEXT, as the driver stores a decimal.</summary>
    Numeric,

    /// <summary>PostgreSQL boolean; SQLite INTEGER 0 or 1.</summary>
    Bool,
}
