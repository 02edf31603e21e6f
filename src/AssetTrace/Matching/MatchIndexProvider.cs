namespace AssetTrace.Matching;

public sealed class MatchIndexProvider;
