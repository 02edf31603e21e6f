namespace AssetTrace.Storage;

/// <summary>The two stores: SQLite is the embedded default, PostgreSQL the server store for a team.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
