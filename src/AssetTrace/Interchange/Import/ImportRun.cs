namespace AssetTrace.Interchange.Import;

/// <summary>The facts of one import run that every row it writes refers to.</summary>
public sealed record ImportRun(string RunId, string Format, string FileName, DateTimeOffset Now, ImportOptions Options);
