namespace AssetTrace.Roster.Evaluation;

/// <summary>Whether the subject proved the lawful origin of an asset.</summary>
public enum AssetVerdict
{
    Explained,
    Unexplained,
}

/// <summary>One evaluation of an asset; the latest for each asset counts, the earlier ones stay in the history.</summary>
public sealed record AssetEvaluation(int Seq, string AssetId, AssetVerdict Verdict, string Reason, string Evaluator, DateTimeOffset At);

/// <summary>A document of an entry, stored whole: a declaration's file, or the court application's draft.</summary>
public sealed record RosterDocument(string Id, string EntryId, string Kind, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset AddedAt, string AddedBy);
