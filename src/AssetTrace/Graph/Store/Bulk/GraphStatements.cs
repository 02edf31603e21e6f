using System.Data.Common;
using AssetTrace.Graph.Store.Tables;

namespace AssetTrace.Graph.Store.Bulk;

/// <summary>The bulk writer's statements on the graph tables, prepared once per transaction from <see cref="GraphTables"/>.</summary>
internal sealed class GraphStatements : PreparedStatements
{
    public GraphStatements(DbConnection c, DbTransaction t) : base(c, t)
    {
        const ColumnType S = ColumnType.Text;
        LoadNode = Prepare($"SELECT {GraphRows.NodeColumns}, n.deleted FROM nodes n WHERE n.id = @id", ("id", S));
        LoadEdge = Prepare($"SELECT {GraphRows.EdgeColumns}, e.deleted FROM edges e WHERE e.id = @id", ("id", S));
        FindIdentifier = Prepare("SELECT node_id FROM interchange_identifiers WHERE identifier = @identifier ORDER BY node_id", ("identifier", S));
        InsertNode = Prepare(GraphTables.Nodes.InsertOf(GraphTables.ImportWrite), GraphTables.Nodes.Parameters(GraphTables.ImportWrite));
        UpdateNode = Prepare(GraphTables.Nodes.Update(GraphTables.ImportChange), GraphTables.Nodes.Parameters(GraphTables.ImportChange));
        InsertEdge = Prepare(GraphTables.Edges.InsertOf(GraphTables.ImportWrite), GraphTables.Edges.Parameters(GraphTables.ImportWrite));
        UpdateEdge = Prepare(GraphTables.Edges.Update(GraphTables.ImportChange), GraphTables.Edges.Parameters(GraphTables.ImportChange));
        DeleteEdge = Prepare(GraphTables.Edges.Update(ColumnGroup.Change, GraphTables.Deleted), GraphTables.Edges.Parameters(ColumnGroup.Change));
        InsertNodeVersion = Prepare(GraphTables.NodeVersions.Insert, GraphTables.NodeVersions.Parameters());
        InsertEdgeVersion = Prepare(GraphTables.EdgeVersions.Insert, GraphTables.EdgeVersions.Parameters());
        DeleteNameKeys = Prepare(GraphTables.DeleteKeys(GraphTables.NameKeys), ("node_id", S));
        InsertNameKey = Prepare(GraphTables.InsertKey(GraphTables.NameKeys), GraphTables.NameKeys.Parameters());
        DeleteIdentifiers = Prepare(GraphTables.DeleteKeys(GraphTables.Identifiers), ("node_id", S));
        InsertIdentifier = Prepare(GraphTables.InsertKey(GraphTables.Identifiers), GraphTables.Identifiers.Parameters());
        UpsertRecordMap = Prepare(GraphTables.UpsertRecordMap, GraphTables.RecordMaps.Parameters());
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
}
