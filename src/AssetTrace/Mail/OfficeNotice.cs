namespace AssetTrace.Mail;

/// <summary>
/// Mail the office's system sends to its own users (#15: a case's new leads), not a request to a partner. It goes
/// through the same outbox (retries, history, failures kept), keyed "notice/…" where a request's mail carries the
/// request's id: the request desk is never told of its outcome, and a reply to it threads onto no request (it waits
/// in the holding pen like any unmatched mail).
/// </summary>
public static class OfficeNotice
{
    public const string KeyPrefix = "notice/";

    /// <summary>The outbox key of a notice: <see cref="KeyPrefix"/> and what it is about, e.g. notice/lead-digest/{run}/{case}/{user}.</summary>
    public static string Key(string about) => KeyPrefix + about;

    public static bool Is(string outboxKey) => outboxKey.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
