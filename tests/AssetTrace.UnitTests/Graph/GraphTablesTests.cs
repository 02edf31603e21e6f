using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.UnitTests.Graph;

/// <summary>The one description of the graph tables (#12) agrees with itself: what it declares is what it writes.</summary>
public sealed class GraphTablesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static readonly Node SampleNode = new("n1", NodeKind.Person, "Ann", JsonSerializer.SerializeToElement(new { name = "Ann" }),
        new DateOnly(2020, 1, 1), null, new Provenance(SourceKind.ManualEntry, "ref", At, "a1", UsageRestriction.Evidence, "case-1",
            new Channel(SourceKind.NetworkAnswer, UsageRestriction.IntelligenceOnly)), new Stamp(3, At, "a1", At, "a2"));

    private static readonly Edge SampleEdge = new("e1", EdgeKind.Owns, "n1", "n2", JsonSerializer.SerializeToElement(new { share = 25 }),
        new ShareRange(25m, 25m), null, null, SampleNode.Provenance, SampleNode.Stamp);

    [Fact]
    public void Every_column_gives_one_value_of_its_declared_type()
    {
        Check(GraphTables.Nodes, new NodeRow(SampleNode, 7));
        Check(GraphTables.Edges, new EdgeRow(SampleEdge, 7));
        Check(GraphTables.NodeVersions, new VersionRow("n1", 2, ChangeKind.Updated, "{}", At, "a1", "why"));
        Check(GraphTables.EdgeVersions, new VersionRow("e1", 2, ChangeKind.Deleted, "{}", At, "a1", null));
        Check(GraphTables.NameKeys, new KeyRow("ann", "n1"));
        Check(GraphTables.Identifiers, new KeyRow("reg:GB:1", "n1"));
        Check(GraphTables.RecordMaps, new RecordMapRow("icij:1", "node", "icij:1", true, null, "run-1", "run-2"));
    }

    [Fact]
    public void The_values_are_the_records_own()
    {
        var values = GraphTables.Nodes.Values(new NodeRow(SampleNode, 7)).ToDictionary(v => v.Item1, v => v.Item2);

        Assert.Equal(20, values.Count);
        Assert.Equal("Person", values["kind"]);
        Assert.Equal(new DateOnly(2020, 1, 1), values["valid_from"]);
        Assert.Null(values["valid_to"]);
        Assert.Equal(3, values["version"]);
        Assert.Equal("a2", values["updated_by"]);
        Assert.Equal(7L, values["change_seq"]);
        Assert.Equal("case-1", values["restricted_case"]);
        Assert.Equal("network_answer", values["origin_source"]);
        Assert.Equal("{\"name\":\"Ann\"}", Assert.IsType<AssetTrace.Storage.Json>(values["properties"]).Text);
    }

    [Fact]
    public void A_re_import_never_sets_who_may_see_a_fact_and_an_analyst_never_moves_an_edge()
    {
        // An import's update leaves a node restricted to its case (#11); the store's own checks decide that column.
        var import = GraphTables.Nodes.Update(GraphTables.ImportChange);
        Assert.DoesNotContain("restricted_case", import, StringComparison.Ordinal);
        Assert.DoesNotContain("origin_source", import, StringComparison.Ordinal);
        Assert.Contains("properties = @properties", import, StringComparison.Ordinal);
        Assert.EndsWith("WHERE id = @id", import, StringComparison.Ordinal);

        var analyst = GraphTables.Edges.Update(GraphTables.AnalystChange);
        Assert.Contains("restricted_case = @restricted_case", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain("source_id", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain("created_at", analyst, StringComparison.Ordinal);
        Assert.DoesNotContain(" kind = ", analyst, StringComparison.Ordinal);

        Assert.Equal([.. GraphTables.Nodes.Parameters(GraphTables.ImportChange).Select(p => p.Name)],
            GraphTables.Nodes.Values(new NodeRow(SampleNode, 7), GraphTables.ImportChange).Select(v => v.Item1));
    }

    private static void Check<T>(TableColumns<T> table, T row)
    {
        foreach (var column in table.Columns)
        {
            var recorder = new Recorder();
            recorder.Next(column.Name);
            column.Value(recorder, row);
            Assert.True(recorder.Calls.Count == 1 && recorder.Calls[0] == column.Type,
                $"{table.Table}.{column.Name} is declared {column.Type} but wrote [{string.Join(", ", recorder.Calls)}]");
        }
    }

    private sealed class Recorder : IColumnValues
    {
        public List<ColumnType> Calls { get; } = [];

        public void Next(string column) => Calls.Clear();

        public void Text(string? value) => Calls.Add(ColumnType.Text);

        public void Json(JsonElement value) => Calls.Add(ColumnType.Json);

        public void Date(DateOnly? value) => Calls.Add(ColumnType.Date);

        public void Instant(DateTimeOffset value) => Calls.Add(ColumnType.Instant);

        public void BigInteger(long value) => Calls.Add(ColumnType.BigInteger);

        public void Count(int value) => Calls.Add(ColumnType.Count);

        public void Numeric(decimal? value) => Calls.Add(ColumnType.Numeric);

        public void Bool(bool value) => Calls.Add(ColumnType.Bool);
    }
}
