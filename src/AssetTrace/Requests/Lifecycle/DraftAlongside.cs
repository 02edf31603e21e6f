using System.Data.Common;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>A write that belongs with a new draft: run in the draft's transaction, it rolls the draft back when it throws.</summary>
public delegate Task DraftAlongside(DbConnection connection, DbTransaction transaction, NetworkRequest draft);
