using AssetTrace.Graph.Store.Tables;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Graph;

/// <summary>
/// GraphTables describes every column of the tables the store writes, with the type the migrations gave it: a column
/// added by a migration and not described (or described with another type) fails here, on both stores (#12).
/// </summary>
public abstract class GraphTablesContract(StoreKind kind) : IAsyncLifetime
{
    // Columns no description writes, and why: each is changed by one statement of its own, and has a default.
    private static readonly Dictionary<string, string[]> WrittenElsewhere = new()
    {
        ["nodes"] = ["deleted"], // set by a deletion (GraphTables.Deleted), false until then
        ["edges"] = ["deleted"],
        ["interchange_records"] = ["superseded_by"], // set by an import that meets the statement replacing the record
    };

    private CoreHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CoreHarness.StartAsync(kind);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string> Tables => [.. Described().Keys];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Every_column_of_the_table_is_described_with_its_type(string table)
    {
        var described = Described()[table];
        var actual = await ColumnsAsync(table);

        Assert.NotEmpty(actual);
        var expected = described.ToDictionary(c => c.Name, c => TypeIn(kind, c.Type));
        foreach (var column in WrittenElsewhere.GetValueOrDefault(table, []))
        {
            Assert.True(actual.Remove(column), $"{table}.{column} is listed as written elsewhere but does not exist");
        }
        Assert.Equal(expected.OrderBy(c => c.Key), actual.OrderBy(c => c.Key));
    }

    private static Dictionary<string, List<(string Name, ColumnType Type)>> Described()
    {
        var tables = new Dictionary<string, List<(string, ColumnType)>>();
        void Add<T>(TableColumns<T> t) => tables[t.Table] = [.. t.Columns.Select(c => (c.Name, c.Type))];
        Add(GraphTables.Nodes);
        Add(GraphTables.Edges);
        Add(GraphTables.NodeVersions);
        Add(GraphTables.EdgeVersions);
        Add(GraphTables.NameKeys);
        Add(GraphTables.Identifiers);
        Add(GraphTables.RecordMaps);
        return tables;
    }

    /// <summary>The type each store's migrations declare for a column of the type (SQLite: its declared affinity name).</summary>
    private static string TypeIn(StoreKind store, ColumnType type) => (store, type) switch
    {
        (StoreKind.Sqlite, ColumnType.Count or ColumnType.BigInteger or ColumnType.Bool) => "INTEGER",
        (StoreKind.Sqlite, ColumnType.Numeric) => "NUMERIC",
        (StoreKind.Sqlite, _) => "TEXT",
        (_, ColumnType.Text) => "text",
        (_, ColumnType.Json) => "jsonb",
        (_, ColumnType.Date) => "date",
        (_, ColumnType.Instant) => "timestamp with time zone",
        (_, ColumnType.BigInteger) => "bigint",
        (_, ColumnType.Count) => "integer",
        (_, ColumnType.Numeric) => "numeric",
        (_, ColumnType.Bool) => "boolean",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private Task<Dictionary<string, string>> ColumnsAsync(string table)
    {
        var sql = kind == StoreKind.Sqlite
            ? "SELECT name, type FROM pragma_table_info(@table)"
            : "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @table AND table_schema = current_schema()";
        return _harness.Get<Database>().ReadAsync(async c =>
            (await c.QueryAsync(null, sql, r => (r.GetString(0), kind == StoreKind.Sqlite ? r.GetString(1).ToUpperInvariant() : r.GetString(1)), default,
                ("table", table))).ToDictionary(), default);
    }
}

public sealed class SqliteGraphTablesTests() : GraphTablesContract(StoreKind.Sqlite);

public sealed class PostgresGraphTablesTests() : GraphTablesContract(StoreKind.Postgres);
