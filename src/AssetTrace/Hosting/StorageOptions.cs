using AssetTrace.Storage;

namespace AssetTrace.Hosting;

/// <summary>
/// Which store to use. With <c>ConnectionStrings:Graph</c> set, PostgreSQL; without it, the
/// embedded SQLite file <c>{DataDirectory}/assettrace.db</c>, created on first run.
/// </summary>
public sealed class StorageOptions
{
    public string DataDirectory { get; set; } = "data";

    public string SqliteFile => Path.Combine(DataDirectory, "assettrace.db");
}

/// <summary>
/// The store the product runs on, decided once, from the configuration, at start: the graph's
/// <see cref="Database"/>, Quartz's persistent store, the audit key's default place and whether the
/// demo case loads by default all take it from here, so they cannot disagree.
/// </summary>
public sealed record StoreChoice(StoreKind Kind, string? PostgresConnectionString, string DataDirectory)
{
    public string SqliteFile => new StorageOptions { DataDirectory = DataDirectory }.SqliteFile;

    /// <summary>The embedded SQLite file: no server to set up.</summary>
    public bool Embedded => Kind == StoreKind.Sqlite;

    public static StoreChoice From(IConfiguration configuration)
    {
        var storage = new StorageOptions();
        configuration.GetSection("Storage").Bind(storage);
        var postgres = configuration.GetConnectionString("Graph");
        return string.IsNullOrWhiteSpace(postgres)
            ? new StoreChoice(StoreKind.Sqlite, null, storage.DataDirectory)
            : new StoreChoice(StoreKind.Postgres, postgres, storage.DataDirectory);
    }

    public Database Open() => Embedded ? Database.ForSqliteFile(SqliteFile) : Database.ForPostgres(PostgresConnectionString!);
}
