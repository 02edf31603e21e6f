using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Store.Tables;

/// <summary>A node as a row of <c>nodes</c>: the record and the change_seq of the transaction that writes it.</summary>
internal readonly record struct NodeRow(Node Node, long Seq);

/// <summary>An edge as a row of <c>edges</c>.</summary>
internal readonly record struct EdgeRow(Edge Edge, long Seq);

/// <summary>A row of <c>node_versions</c> or <c>edge_versions</c>: the state after the change, who made it, when and why.</summary>
internal readonly record struct VersionRow(string Id, int Version, ChangeKind Change, string State, DateTimeOffset At, string By, string? Reason);

/// <summary>A search key of a node: a row of <c>node_name_keys</c> or <c>interchange_identifiers</c>.</summary>
internal readonly record struct KeyRow(string Key, string NodeId);

/// <summary>A row of <c>interchange_records</c>: what a source record became.</summary>
internal readonly record struct RecordMapRow(string Key, string Type, string EntityId, bool Owns, string? AsOf, string FirstRun, string LastRun);
