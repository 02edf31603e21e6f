namespace AssetTrace.Mail;

/// <summary>The request an inbound message was threaded onto, the sent message it matched, and by what.</summary>
public sealed record MailThreadMatch(string RequestId, string MessageId, string MatchedBy);
