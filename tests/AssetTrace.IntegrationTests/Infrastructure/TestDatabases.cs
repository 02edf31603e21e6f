using AssetTrace.Storage;
using Npgsql;

namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database per test on the real servers that ./test.sh starts: a new SQLite
/// file, or a new PostgreSQL database on the server named by ASSETTRACE_TEST_POSTGRES.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "ASSETTRACE_TEST_POSTGRES";

    /// <summary>Configuration entries that point the app at a fresh store of the given kind.</summary>
    public static async Task<Dictionary<string, string?>> CreateAsync(StoreKind kind)
    {
        // Every store gets its own data folder: the SQLite file, and for both the audit signing key.
        var directory = TempFolder.NewPath();
        Directory.CreateDirectory(directory);
        if (kind == StoreKind.Sqlite)
        {
            return new() { ["Storage:DataDirectory"] = directory, ["ConnectionStrings:Graph"] = "" };
        }
        var server = ServerConnectionString();
        var name = "at_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new()
        {
            ["Storage:DataDirectory"] = directory,
            ["ConnectionStrings:Graph"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
    }

    /// <summary>
    /// Deletes the store's data folder (SQLite file, audit key). Whoever called <see cref="CreateAsync"/> calls this
    /// when done; a PostgreSQL database stays on the server that ./test.sh removes with its data at the end.
    /// </summary>
    public static void Delete(IDictionary<string, string?> settings) => TempFolder.Delete(settings["Storage:DataDirectory"]);

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL and Redis, " +
                $"or set {PostgresVariable} to a connection string of a PostgreSQL superuser.");
}
