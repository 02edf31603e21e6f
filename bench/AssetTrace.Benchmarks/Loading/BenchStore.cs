using AssetTrace.Accounts;
using AssetTrace.Hosting;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetTrace.Benchmarks.Loading;

/// <summary>
/// A fresh store for one benchmark run: a new SQLite file or a new PostgreSQL database, with
/// the schema of the migrations and an account for the GraphQL clients, and the configuration
/// entries that point a server at it.
/// </summary>
public sealed class BenchStore
{
    public const string Username = "bench";
    public const string Password = "bench-password-not-secret";

    private BenchStore(StoreKind kind, Dictionary<string, string?> settings, string? sqliteFile, string? postgres)
    {
        Kind = kind;
        Settings = settings;
        SqliteFile = sqliteFile;
        PostgresConnectionString = postgres;
    }

    public StoreKind Kind { get; }

    /// <summary>
    /// The limits an office puts on one user's expensive fields (#11) would cap the load test's one
    /// account at 60 a minute: the benchmark measures what the server can do, so it lifts them.
    /// </summary>
    private static readonly Dictionary<string, string?> LoadTestLimits = new()
    {
        ["Api:ExpensivePerMinutePerUser"] = "100000000",
        ["Api:ExpensiveConcurrentPerUser"] = "1024",
        ["Api:ExpensiveConcurrentTotal"] = "1024",
    };

    /// <summary>Configuration entries (ConnectionStrings:Graph, Storage:DataDirectory, Demo:Load, the load test's limits) for a server on this store.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string? SqliteFile { get; }

    public string? PostgresConnectionString { get; }

    public Database Open() => Kind == StoreKind.Sqlite ? Database.ForSqliteFile(SqliteFile!) : Database.ForPostgres(PostgresConnectionString!);

    /// <summary>A new, empty SQLite store in a new directory under <paramref name="parent"/>.</summary>
    public static Task<BenchStore> CreateSqliteAsync(string parent, CancellationToken ct) =>
        CreateSqliteInAsync(Path.Combine(Path.GetFullPath(parent), $"sqlite-{Guid.NewGuid():N}"), ct);

    /// <summary>A SQLite store an earlier run prepared and loaded in <paramref name="directory"/>, kept for the next (the console benchmark's).</summary>
    public static BenchStore ExistingSqlite(string directory)
    {
        var settings = new Dictionary<string, string?>(LoadTestLimits) { ["ConnectionStrings:Graph"] = "", ["Storage:DataDirectory"] = directory, ["Demo:Load"] = "false" };
        return new BenchStore(StoreKind.Sqlite, settings, Path.Combine(directory, new StorageOptions { DataDirectory = directory }.SqliteFile), null);
    }

    /// <summary>Migrations, reference data and the clients' account in a new SQLite store in <paramref name="directory"/>.</summary>
    public static async Task<BenchStore> CreateSqliteInAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var store = ExistingSqlite(directory);
        await store.PrepareAsync(ct);
        return store;
    }

    /// <summary>A new database <paramref name="name"/> on the server (dropped first when it exists).</summary>
    public static async Task<BenchStore> CreatePostgresAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        await using (var server = new NpgsqlConnection(serverConnectionString))
        {
            await server.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync(ct);
        }
        // The audit chain is signed by the key of whoever prepared the store: a fresh database gets a fresh key.
        var keys = KeysDirectory(name);
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }
        var store = ExistingPostgres(serverConnectionString, name);
        await store.PrepareAsync(ct);
        return store;
    }

    /// <summary>Drops the database <paramref name="name"/> on the server, closing whatever is still connected to it.</summary>
    public static async Task DropPostgresAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The database <paramref name="name"/> an earlier process prepared and loaded (the warm benchmark's load child).</summary>
    public static BenchStore ExistingPostgres(string serverConnectionString, string name)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        var settings = new Dictionary<string, string?>(LoadTestLimits)
        {
            ["ConnectionStrings:Graph"] = connectionString, ["Demo:Load"] = "false", ["Audit:SigningKeyPath"] = Path.Combine(KeysDirectory(name), "audit-signing.pem"),
        };
        return new BenchStore(StoreKind.Postgres, settings, null, connectionString);
    }

    // A server that writes (the scale-out benchmark's writer, #18) must hold the key the store was prepared with, as every
    // server of an installation does. Without a data directory the key would land in each process's working directory.
    private static string KeysDirectory(string name) => Path.Combine(Path.GetTempPath(), $"assettrace-bench-{name}-keys");

    /// <summary>Migrations, reference data and the clients' account, as a server would prepare the store.</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        var app = WebApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Settings) { ["Logging:LogLevel:Default"] = "Error" });
        });
        await using (app)
        {
            await CoreServices.PrepareStoreAsync(app.Services, app.Configuration, ct);
            var accounts = app.Services.GetRequiredService<AccountStore>();
            await accounts.CreateUserAsync(Username, "Benchmark client", [Role.Analyst], Password, Username, ct);
        }
    }
}
