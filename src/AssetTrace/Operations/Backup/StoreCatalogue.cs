using System.Data.Common;
using AssetTrace.Storage;

namespace AssetTrace.Operations.Backup;

/// <summary>A table as the store's own catalogue describes it, with the columns a backup carries.</summary>
public sealed record CatalogueTable(string Name, IReadOnlyList<CatalogueColumn> Columns, IReadOnlyList<string> References);

/// <summary>A column and its type as the store names it (PostgreSQL's data_type, SQLite's declared type).</summary>
public sealed record CatalogueColumn(string Name, string Type, bool Sequenced);

/// <summary>
/// The tables of a store, read from its catalogue rather than from a list kept here, so tables that
/// later migrations add (and Quartz's own) are backed up without a change to this code (#19).
/// </summary>
public static class StoreCatalogue
{
    public static async Task<IReadOnlyList<CatalogueTable>> ReadAsync(DbConnection connection, DbTransaction? transaction, StoreKind kind, CancellationToken ct)
    {
        var tables = kind == StoreKind.Postgres
            ? await PostgresAsync(connection, transaction, ct)
            : await SqliteAsync(connection, transaction, ct);
        return InDependencyOrder(tables);
    }

    private static async Task<List<CatalogueTable>> PostgresAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var names = await connection.QueryAsync(transaction, """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """, r => r.GetString(0), ct);
        // Generated columns are computed by the store and cannot be written: they are left out.
        var columns = await connection.QueryAsync(transaction, """
            SELECT table_name, column_name, data_type,
                   is_identity = 'YES' OR COALESCE(column_default, '') LIKE 'nextval(%'
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_generated = 'NEVER'
            ORDER BY table_name, ordinal_position
            """, r => (Table: r.GetString(0), Column: new CatalogueColumn(r.GetString(1), r.GetString(2), r.GetBoolean(3))), ct);
        var references = await connection.QueryAsync(transaction, """
            SELECT child.relname, parent.relname
            FROM pg_constraint c
            JOIN pg_class child ON child.oid = c.conrelid
            JOIN pg_class parent ON parent.oid = c.confrelid
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
            """, r => (Child: r.GetString(0), Parent: r.GetString(1)), ct);
        return [.. names.Select(name => new CatalogueTable(name,
            [.. columns.Where(c => c.Table == name).Select(c => c.Column)],
            [.. references.Where(r => r.Child == name && r.Parent != name).Select(r => r.Parent).Distinct()]))];
    }

    private static async Task<List<CatalogueTable>> SqliteAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var names = await connection.QueryAsync(transaction,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0), ct);
        var tables = new List<CatalogueTable>();
        foreach (var name in names)
        {
            // table_xinfo's hidden: 0 for an ordinary column; generated and virtual-table columns are not written.
            var columns = await connection.QueryAsync(transaction, $"SELECT name, type, hidden FROM pragma_table_xinfo({Literal(name)}) ORDER BY cid",
                r => (Column: new CatalogueColumn(r.GetString(0), r.GetString(1), false), Hidden: r.GetInt64(2)), ct);
            var parents = await connection.QueryAsync(transaction, $"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list({Literal(name)})",
                r => r.GetString(0), ct);
            tables.Add(new CatalogueTable(name, [.. columns.Where(c => c.Hidden == 0).Select(c => c.Column)],
                [.. parents.Where(p => !p.Equals(name, StringComparison.OrdinalIgnoreCase))]));
        }
        return tables;
    }

    /// <summary>Parents before children, so rows can be written table by table with foreign keys checked as they go.</summary>
    private static List<CatalogueTable> InDependencyOrder(List<CatalogueTable> tables)
    {
        var ordered = new List<CatalogueTable>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var remaining = tables.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => t.References.All(p => placed.Contains(p) || !tables.Any(x => x.Name.Equals(p, StringComparison.OrdinalIgnoreCase)))).ToList();
            if (ready.Count == 0)
            {
                // A cycle of foreign keys: keep the rest in name order; the restore checks keys at commit where the store can.
                ready = remaining;
            }
            foreach (var table in ready)
            {
                ordered.Add(table);
                placed.Add(table.Name);
                remaining.Remove(table);
            }
        }
        return ordered;
    }

    /// <summary>A name as an SQL string literal (for SQLite's pragma functions, which take the table's name as a value).</summary>
    public static string Literal(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A name as a quoted SQL identifier, the same in both stores.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
