namespace AssetTrace.Benchmarks.Import;

/// <summary>The files of one format written for one scale: where they are, how many records they hold, their size.</summary>
public sealed record BenchFiles(string Format, string Directory, long Records, long Bytes)
{
    public static long SizeOf(string directory) => new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length);
}
