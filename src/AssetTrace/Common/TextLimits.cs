namespace AssetTrace.Common;

/// <summary>
/// Maximum lengths, in characters, of the texts that are not graph properties (those are in
/// graph-schema/, each with its own <c>maxLength</c>). Generous for real use, small enough that
/// one request cannot fill the database or the audit log (#11).
/// </summary>
public static class TextLimits
{
    /// <summary>Ids a caller may choose (nodes, edges, cases, contact points).</summary>
    public const int Id = 128;

    /// <summary>A case number such as 2026-ARC-0017.</summary>
    public const int CaseNumber = 64;

    public const int CaseTitle = 300;

    /// <summary>What a subject is to a case (suspect, relative, …), a role.</summary>
    public const int Role = 100;

    /// <summary>Why a change is made: kept with the earlier version and in the audit log.</summary>
    public const int Reason = 2_000;

    /// <summary>A note on a request's move (acknowledged, answered, closed).</summary>
    public const int Note = 2_000;

    /// <summary>Where a fact comes from: a registry URL, a request number, a file and record.</summary>
    public const int SourceReference = 2_000;

    /// <summary>One of the short texts of a request: legal basis, confidentiality, a checklist statement.</summary>
    public const int RequestShortText = 2_000;

    /// <summary>The long texts of a request: the offence, the link to the assets, free text. About four letter pages.</summary>
    public const int RequestLongText = 10_000;

    public const int Username = 64;

    public const int DisplayName = 200;

    /// <summary>The name of an API token.</summary>
    public const int TokenName = 200;

    public const int ContactName = 300;

    /// <summary>RFC 5321's limit on an address.</summary>
    public const int Email = 254;

    /// <summary>An IANA time zone such as Asia/Almaty.</summary>
    public const int TimeZone = 64;
}
