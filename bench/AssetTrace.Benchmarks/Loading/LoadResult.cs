namespace AssetTrace.Benchmarks.Loading;

/// <summary>What a bulk load wrote and how long it took: rows first, then the indexes and foreign keys built after them.</summary>
public sealed record LoadResult(int Nodes, int Edges, int NameKeys, TimeSpan Rows, TimeSpan Indexes)
{
    public int TotalRows => Nodes + Edges + NameKeys;

    public TimeSpan Total => Rows + Indexes;

    public double RowsPerSecond => TotalRows / Total.TotalSeconds;
}
