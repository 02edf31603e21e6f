namespace AssetTrace.Interchange.Import;

/// <summary>The facts of one import run that every row it writes refers to.</summary>
/// <param name="MatchThreshold">The office's name-match threshold (AssetTrace:Matching:Threshold), from which a person is suggested as a duplicate.</param>
public sealed record ImportRun(string RunId, string Format, string FileName, DateTimeOffset Now, ImportOptions Options, double MatchThreshold);
