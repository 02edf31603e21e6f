using System.Data.Common;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>The bulk writer's statements on the graph tables, prepared once per transaction from <see cref="GraphTables"/>.</summary>
internal sealed class GraphStatements : IAsyncDisposable
{
    private readonly List<PreparedCommand> _all = [];

    public GraphStatements(DbConnection c, DbTransaction t)
    {
        PreparedCommand P(string sql, params (string, ColumnType)[] parameters)
        {
            var command = PreparedCommand.Create(c, t, sql, parameters);
            _all.Add(command);
            return command;
        }

        const ColumnType S = ColumnType.Text;
        LoadNode = P($"SELECT {GraphRows.NodeColumns}, n.deleted FROM nodes n WHERE n.id = @id", ("id", S));
        LoadEdge = P($"SELECT {GraphRows.EdgeColumns}, e.deleted FROM edges e WHERE e.id = @id", ("id", S));
        FindIdentifier = P("SELECT node_id FROM interchange_identifiers WHERE identifier = @identifier ORDER BY node_id", ("identifier", S));
        InsertNode = P(GraphTables.Nodes.InsertOf(GraphTables.ImportWrite), GraphTables.Nodes.Parameters(GraphTables.ImportWrite));
        UpdateNode = P(GraphTables.Nodes.Update(GraphTables.ImportChange), GraphTables.Nodes.Parameters(GraphTables.ImportChange));
        InsertEdge = P(GraphTables.Edges.InsertOf(GraphTables.ImportWrite), GraphTables.Edges.Parameters(GraphTables.ImportWrite));
        UpdateEdge = P(GraphTables.Edges.Update(GraphTables.ImportChange), GraphTables.Edges.Parameters(GraphTables.ImportChange));
        DeleteEdge = P(GraphTables.Edges.Update(ColumnGroup.Change, GraphTables.Deleted), GraphTables.Edges.Parameters(ColumnGroup.Change));
        InsertNodeVersion = P(GraphTables.NodeVersions.Insert, GraphTables.NodeVersions.Parameters());
        InsertEdgeVersion = P(GraphTables.EdgeVersions.Insert, GraphTables.EdgeVersions.Parameters());
        DeleteNameKeys = P(GraphTables.DeleteKeys(GraphTables.NameKeys), ("node_id", S));
        InsertNameKey = P(GraphTables.InsertKey(GraphTables.NameKeys), GraphTables.NameKeys.Parameters());
        DeleteIdentifiers = P(GraphTables.DeleteKeys(GraphTables.Identifiers), ("node_id", S));
        InsertIdentifier = P(GraphTables.InsertKey(GraphTables.Identifiers), GraphTables.Identifiers.Parameters());
        UpsertRecordMap = P(GraphTables.UpsertRecordMap, GraphTables.RecordMaps.Parameters());
    }

    public PreparedCommand LoadNode { get; }
    public PreparedCommand LoadEdge { get; }
    public PreparedCommand FindIdentifier { get; }
    public PreparedCommand InsertNode { get; }
    public PreparedCommand UpdateNode { get; }
    public PreparedCommand InsertEdge { get; }
    public PreparedCommand UpdateEdge { get; }
    public PreparedCommand DeleteEdge { get; }
    public PreparedCommand InsertNodeVersion { get; }
    public PreparedCommand InsertEdgeVersion { get; }
    public PreparedCommand DeleteNameKeys { get; }
    public PreparedCommand InsertNameKey { get; }
    public PreparedCommand DeleteIdentifiers { get; }
    public PreparedCommand InsertIdentifier { get; }
    public PreparedCommand UpsertRecordMap { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _all)
        {
            await command.DisposeAsync();
        }
    }
}
