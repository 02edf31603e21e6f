namespace AssetTrace.Roster.Downloads;

/// <summary>A roster document as it leaves the system: its bytes, the name it is saved under, its language (for rendered ones) and its entry.</summary>
public sealed record RosterDownload(byte[] Content, string FileName, string? Language, string EntryId);
