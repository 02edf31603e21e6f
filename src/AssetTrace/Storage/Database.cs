using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace AssetTrace.Storage;

/// <summary>
/// The one place that knows how to open connections and transactions on either store.
/// Feature stores (graph, cases, accounts, audit) write one SQL text that both accept,
/// and go through here for the few things that differ.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    // Every write transaction in PostgreSQL takes this advisory lock, so writers are serialised
    // exactly as SQLite's BEGIN IMMEDIATE serialises them: the audit chain needs a total order,
    // and version checks then cannot race.
    private const long WriteLockKey = 0x4173_7365_7454_7263; // "AssetTrc"

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private long _committedWrites;

    private Database(StoreKind kind, NpgsqlDataSource? postgres, string? sqlite, string description)
    {
        Kind = kind;
        _postgres = postgres;
        _sqlite = sqlite;
        Description = description;
    }

    public StoreKind Kind { get; }

    /// <summary>Where the data lives, without secrets, for logs and the console.</summary>
    public string Description { get; }

    public static Database ForPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        if (!Names(connectionString, "Max Auto Prepare"))
        {
            // Every request runs the same few statements (its token, the viewer's cases, its reads): prepared once per
            // connection, PostgreSQL stops parsing and planning them each time (docs/BENCHMARKS.md, "prepared statements").
            builder.MaxAutoPrepare = AutoPrepared;
            builder.AutoPrepareMinUsages = 2;
        }
        return new Database(StoreKind.Postgres, NpgsqlDataSource.Create(builder.ConnectionString), null, description);
    }

    /// <summary>Statements each connection keeps prepared unless the connection string says otherwise ("Max Auto Prepare").</summary>
    public const int AutoPrepared = 100;

    private static bool Names(string connectionString, string key)
    {
        static string Plain(string name) => name.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => Plain(k) == Plain(key));
    }

    public static Database ForSqliteFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
        return new Database(StoreKind.Sqlite, null, connectionString, $"SQLite file {full}");
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        StoreCommandTally.CommandMade();
        await using var pragmas = connection.CreateCommand();
        // WAL lets readers go on while one writer writes; busy_timeout makes a second writer wait, not fail.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>
    /// Write transactions this process has committed through <see cref="WriteAsync"/>: a reader that keeps a value
    /// read from the store (<see cref="Graph.Store.RecentGraphVersion"/>) drops it when this moved, so this server's
    /// own writes show at once.
    /// </summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>Runs <paramref name="work"/> in a write transaction and commits it; on any exception nothing is written.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await BeginWriteAsync(connection, ct);
        var result = await work(connection, transaction);
        try
        {
            await transaction.CommitAsync(ct);
        }
        finally
        {
            // Also when the commit failed: whether it reached the store is then unknown, so a kept value is dropped.
            Interlocked.Increment(ref _committedWrites);
        }
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await work(connection);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on one consistent snapshot, without the write lock: writers go on,
    /// and what it reads in several queries belongs together (e.g. the audit log and its signed head).
    /// </summary>
    public async Task<T> ReadSnapshotAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // SQLite in WAL mode: a deferred transaction reads the snapshot of its first read, and takes no lock.
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is SqliteConnection sqlite)
        {
            // BEGIN IMMEDIATE: take the write lock now rather than fail on upgrade later.
            return sqlite.BeginTransaction(deferred: false);
        }
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", WriteLockKey));
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    /// <summary>A command with named parameters (<c>@name</c> in the SQL) that both stores accept.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        StoreCommandTally.CommandMade();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            switch (value)
            {
                case Json json when parameter is NpgsqlParameter npgsql:
                    npgsql.NpgsqlDbType = NpgsqlDbType.Jsonb;
                    npgsql.Value = json.Text;
                    break;
                case Json json:
                    parameter.Value = json.Text;
                    break;
                default:
                    parameter.Value = value ?? DBNull.Value;
                    break;
            }
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_sqlite is not null)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
