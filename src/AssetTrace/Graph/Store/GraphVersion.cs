using System.Data.Common;
using AssetTrace.Storage;

namespace AssetTrace.Graph.Store;

/// <summary>
/// The graph's change counter (table graph_version). Every transaction that changes nodes or
/// edges bumps it once and stamps the rows it touches with the new value.
/// </summary>
public static class GraphVersion
{
    public static async Task<long> BumpAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        (await connection.ScalarAsync<long>(transaction, "UPDATE graph_version SET version = version + 1 WHERE id = 1 RETURNING version", ct));

    public static async Task<long> CurrentAsync(Database database, CancellationToken ct) =>
        await database.ReadAsync(c => c.ScalarAsync<long>(null, "SELECT version FROM graph_version WHERE id = 1", ct), ct);
}
