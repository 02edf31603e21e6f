using System.Data.Common;
using System.Security.Cryptography;

namespace AssetTrace.Storage;

/// <summary>
/// The store's random id (table store_identity, made by its migration; #18). The analytics snapshot file
/// names it, so a file is caught up only on the store it was written from. A restore makes a new store
/// and so gives it a new id.
/// </summary>
public static class StoreIdentity
{
    public const string Table = "store_identity";

    public static Task<string> ReadAsync(DbConnection connection, CancellationToken ct) =>
        connection.ScalarAsync<string>(null, "SELECT value FROM store_identity WHERE id = 1", ct)!;

    public static Task RenewAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        connection.ExecuteAsync(transaction, "UPDATE store_identity SET value = @value WHERE id = 1", ct,
            ("value", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
}
