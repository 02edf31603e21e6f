using System.Text.Json;
using AssetTrace.Common;

namespace AssetTrace.Operations.Backup;

/// <summary>A table as a backup holds it: its name, its columns in the order of its rows' values, and its row count.</summary>
public sealed record BackupTable(string Name, IReadOnlyList<string> Columns, long Rows);

/// <summary>
/// A backup file read through once and found whole: its checksum, its tables and its manifest, each
/// table's rows counted and compared with what its end line and the manifest say.
/// </summary>
public sealed record BackupContents(string Sha256, IReadOnlyList<BackupTable> Tables, BackupManifest Manifest)
{
    public static async Task<BackupContents> ReadAsync(string path, CancellationToken ct)
    {
        var tables = new List<BackupTable>();
        BackupManifest? manifest = null;
        BackupTable? open = null;
        long rows = 0;
        var sha = await BackupFileReader.ReadAsync(path, element =>
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                rows += open is null ? throw new FormatException("a row stands outside any table") : 1;
            }
            else if (element.TryGetProperty("table", out var name))
            {
                open = new BackupTable(name.GetString()!, [.. element.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!)], 0);
                rows = 0;
            }
            else if (element.TryGetProperty("tableEnd", out var end))
            {
                if (open is null || end.GetString() != open.Name || element.GetProperty("rows").GetInt64() != rows)
                {
                    throw new FormatException($"table {end.GetString()} does not hold the {element.GetProperty("rows").GetInt64()} rows it states");
                }
                tables.Add(open with { Rows = rows });
                open = null;
            }
            else if (element.TryGetProperty("manifest", out var written))
            {
                manifest = BackupManifest.From(written);
            }
            return Task.CompletedTask;
        }, ct);
        if (manifest is null || open is not null)
        {
            throw new UserInputException("file", $"{path} has no manifest after its tables: it was not written by 'assettrace backup'.");
        }
        foreach (var table in tables)
        {
            if (!manifest.Tables.TryGetValue(table.Name, out var stated) || stated != table.Rows)
            {
                throw new UserInputException("file", $"{path} holds {table.Rows} rows of {table.Name}, but its manifest says {stated}: nothing was restored from it.");
            }
        }
        return new BackupContents(sha, tables, manifest);
    }
}
