using System.Runtime.CompilerServices;
using AssetTrace.Cases;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Paths;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Interchange.Export;

/// <summary>What to export: the whole graph, a case (its subjects and what lies within <see cref="Hops"/> of them), or one node's neighbourhood.</summary>
public sealed record ExportScope(string? CaseId = null, string? NodeId = null, int Hops = 1)
{
    public override string ToString() => CaseId is not null ? $"case {CaseId} ({Hops} hops)" : NodeId is not null ? $"{Hops}-hop neighbourhood of {NodeId}" : "whole graph";
}

/// <summary>The live nodes and edges of a scope, read once each, in id order; the whole graph is paged, never held.</summary>
public sealed class GraphExtract
{
    private readonly Func<CancellationToken, IAsyncEnumerable<Node>> _nodes;
    private readonly Func<CancellationToken, IAsyncEnumerable<Edge>> _edges;

    internal GraphExtract(ExportScope scope, Func<CancellationToken, IAsyncEnumerable<Node>> nodes, Func<CancellationToken, IAsyncEnumerable<Edge>> edges)
    {
        Scope = scope;
        _nodes = nodes;
        _edges = edges;
    }

    public ExportScope Scope { get; }

    public IAsyncEnumerable<Node> NodesAsync(CancellationToken ct) => _nodes(ct);

    public IAsyncEnumerable<Edge> EdgesAsync(CancellationToken ct) => _edges(ct);
}

/// <summary>Builds the <see cref="GraphExtract"/> of a scope: what the viewer may see of it, nothing more.</summary>
public sealed class GraphExtractor(Database database, NeighbourhoodReader neighbourhoods, CaseStore cases)
{
    private const int PageSize = 1000;

    public async Task<GraphExtract> ExtractAsync(Viewer viewer, ExportScope scope, CancellationToken ct)
    {
        if (scope.CaseId is null && scope.NodeId is null)
        {
            return new GraphExtract(scope, c => PagesAsync(viewer, "nodes", "n", GraphRows.NodeColumns, GraphRows.ReadNode, n => n.Id, c),
                c => PagesAsync(viewer, "edges", "e", GraphRows.EdgeColumns, GraphRows.ReadEdge, e => e.Id, c));
        }
        if (scope.Hops is < 0 or > 6)
        {
            throw new UserInputException("hops", $"must be between 0 and 6, got {scope.Hops}.");
        }
        var centres = new List<string>();
        if (scope.CaseId is { } caseId)
        {
            var found = await cases.GetAsync(viewer, caseId, ct) ?? throw new NotFoundException("case", caseId);
            centres.AddRange(found.Subjects.Select(s => s.NodeId));
        }
        if (scope.NodeId is { } nodeId)
        {
            centres.Add(nodeId);
        }
        var nodes = new Dictionary<string, Node>();
        var edges = new Dictionary<string, Edge>();
        foreach (var centre in centres)
        {
            var part = await neighbourhoods.ReadAsync(viewer, centre, scope.Hops, null, null, ct);
            part.Nodes.ToList().ForEach(n => nodes.TryAdd(n.Id, n));
            part.Edges.ToList().ForEach(e => edges.TryAdd(e.Id, e));
        }
        var orderedNodes = nodes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        var orderedEdges = edges.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        return new GraphExtract(scope, _ => orderedNodes.ToAsyncEnumerable(), _ => orderedEdges.ToAsyncEnumerable());
    }

    private async IAsyncEnumerable<T> PagesAsync<T>(Viewer viewer, string table, string alias, string columns, Func<System.Data.Common.DbDataReader, T> read, Func<T, string> id,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var after = "";
        while (true)
        {
            var parameters = new List<(string, object?)> { ("after", after) };
            var visible = VisibilitySql.VisibleRow(table, alias, viewer, parameters);
            var page = await database.ReadAsync(c => c.QueryAsync(null,
                $"SELECT {columns} FROM {table} {alias} WHERE NOT {alias}.deleted AND {alias}.id > @after AND {visible} ORDER BY {alias}.id LIMIT {PageSize}", read, ct, [.. parameters]), ct);
            foreach (var row in page)
            {
                yield return row;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = id(page[^1]);
        }
    }
}
