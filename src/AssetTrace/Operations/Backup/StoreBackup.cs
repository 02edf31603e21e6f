using System.Data.Common;
using System.Text.Json;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Storage;
using Microsoft.Data.Sqlite;

namespace AssetTrace.Operations.Backup;

/// <summary>A backup that was written: where, its checksum and size, and its manifest.</summary>
public sealed record BackupResult(string Path, string Sha256, long Bytes, BackupManifest Manifest);

/// <summary>
/// Writes a consistent backup of the whole store while the server runs (#19). PostgreSQL is read in one
/// read-only REPEATABLE READ transaction: every table from the same snapshot, writers not held up. SQLite
/// is first copied with its online backup API (one step, under one read lock: a consistent copy in the
/// time a file copy takes), and the copy is read: a long read on the live file would keep its WAL from
/// being checkpointed while the backup is written. The file is written beside its destination as
/// <c>.partial</c> and renamed when complete, so a failed backup never looks like a backup; the rename
/// and a <c>backup.created</c> audit entry (who, the file, its SHA-256) are one transaction, as an export's
/// are: a backup holds every fact, restricted ones too, so none leaves unrecorded.
/// </summary>
public sealed class StoreBackup(Database database, AuditLog audit, TimeProvider clock)
{
    /// <param name="actor">Who takes it, for the audit entry (the shell's <c>shell:user@host</c>).</param>
    public async Task<BackupResult> WriteAsync(string path, string actor, CancellationToken ct)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new UserInputException("file", $"{path} already exists: a backup never overwrites a file; name a new one.");
        }
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new UserInputException("file", $"the folder {folder} does not exist: create it or name a file in another folder.");
        }
        var partial = path + ".partial";
        File.Delete(partial);
        try
        {
            BackupManifest manifest;
            string sha;
            await using (var writer = new BackupFileWriter(partial))
            {
                manifest = database.Kind == StoreKind.Sqlite
                    ? await FromSqliteCopyAsync(writer, partial + ".sqlite", ct)
                    : await database.ReadSnapshotAsync(async (connection, transaction) =>
                    {
                        await connection.ExecuteAsync(transaction, "SET TRANSACTION READ ONLY", ct);
                        return await WriteTablesAsync(writer, connection, transaction, StoreKind.Postgres, ct);
                    }, ct);
                sha = await writer.FinishAsync(ct);
            }
            var result = new BackupResult(path, sha, new FileInfo(partial).Length, manifest);
            await database.WriteAsync(async (connection, transaction) =>
            {
                await audit.AppendAsync(connection, transaction, new AuditRecord(actor, "backup.created", $"backup/{Guid.CreateVersion7()}", null,
                    JsonSerializer.Serialize(new
                    {
                        file = path,
                        bytes = result.Bytes,
                        sha256 = sha,
                        tables = manifest.Tables.Count,
                        rows = manifest.Tables.Values.Sum(),
                        auditEntries = manifest.Audit.Entries,
                        auditHead = manifest.Audit.LastHash,
                    }), "backup of the whole store"), ct);
                File.Move(partial, path);
                return true;
            }, ct);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<BackupManifest> FromSqliteCopyAsync(BackupFileWriter writer, string copyPath, CancellationToken ct)
    {
        File.Delete(copyPath);
        try
        {
            await using (var live = (SqliteConnection)await database.OpenAsync(ct))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(ct);
                live.BackupDatabase(copy);
            }
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync(ct);
            return await WriteTablesAsync(writer, connection, null, StoreKind.Sqlite, ct);
        }
        finally
        {
            File.Delete(copyPath);
        }
    }

    private async Task<BackupManifest> WriteTablesAsync(BackupFileWriter writer, DbConnection connection, DbTransaction? transaction, StoreKind kind, CancellationToken ct)
    {
        var tables = await StoreCatalogue.ReadAsync(connection, transaction, kind, ct);
        await writer.LineAsync(json =>
        {
            json.WriteStartObject();
            json.WriteString("format", BackupFileWriter.Format);
            json.WriteNumber("formatVersion", BackupFileWriter.FormatVersion);
            json.WriteEndObject();
        }, ct);
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table.Name] = await WriteTableAsync(writer, connection, transaction, kind, table, ct);
        }
        var manifest = new BackupManifest(
            BackupValues.Instant(clock.GetUtcNow()),
            kind.ToString(),
            database.Description,
            (int)(await connection.ScalarAsync<long?>(transaction, "SELECT MAX(version) FROM schema_migrations", ct) ?? 0),
            counts,
            await BackupAuditHead.ReadAsync(connection, transaction, ct));
        await writer.LineAsync(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("manifest");
            System.Text.Json.JsonSerializer.Serialize(json, manifest, BackupManifest.Json);
            json.WriteEndObject();
        }, ct);
        return manifest;
    }

    private static async Task<long> WriteTableAsync(BackupFileWriter writer, DbConnection connection, DbTransaction? transaction, StoreKind kind,
        CatalogueTable table, CancellationToken ct)
    {
        await writer.LineAsync(json =>
        {
            json.WriteStartObject();
            json.WriteString("table", table.Name);
            json.WriteStartArray("columns");
            table.Columns.ToList().ForEach(c => json.WriteStringValue(c.Name));
            json.WriteEndArray();
            json.WriteEndObject();
        }, ct);
        var columns = string.Join(", ", table.Columns.Select(c => StoreCatalogue.Quote(c.Name)));
        await using var command = Database.Command(connection, transaction, $"SELECT {columns} FROM {StoreCatalogue.Quote(table.Name)}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await writer.LineAsync(json =>
            {
                json.WriteStartArray();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    BackupValues.Write(json, reader, i, kind);
                }
                json.WriteEndArray();
            }, ct);
            rows++;
        }
        await writer.LineAsync(json =>
        {
            json.WriteStartObject();
            json.WriteString("tableEnd", table.Name);
            json.WriteNumber("rows", rows);
            json.WriteEndObject();
        }, ct);
        return rows;
    }
}
