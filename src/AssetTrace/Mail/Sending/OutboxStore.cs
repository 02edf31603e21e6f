using System.Data.Common;
using System.Text.Json;
using AssetTrace.Storage;

namespace AssetTrace.Mail.Sending;

/// <summary>The status words stored in mail_outbox.status.</summary>
internal static class OutboxStatusCodes
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => Queued,
        OutboxStatus.Sending => Sending,
        OutboxStatus.Sent => Sent,
        OutboxStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OutboxStatus Parse(string code) => code switch
    {
        Queued => OutboxStatus.Queued,
        Sending => OutboxStatus.Sending,
        Sent => OutboxStatus.Sent,
        Failed => OutboxStatus.Failed,
        _ => throw new InvalidDataException($"mail_outbox holds the unknown status '{code}'."),
    };
}

/// <summary>mail_outbox_events: every status change of an outgoing message, with its time.</summary>
internal static class OutboxHistory
{
    public static Task AppendAsync(DbConnection c, DbTransaction t, long outboxId, DateTimeOffset at, OutboxStatus status, string? detail, CancellationToken ct) =>
        c.ExecuteAsync(t, "INSERT INTO mail_outbox_events (outbox_id, at, status, detail) VALUES (@id, @at, @status, @detail)", ct,
            ("id", outboxId), ("at", at), ("status", OutboxStatusCodes.Of(status)), ("detail", detail));
}

/// <summary>Reads mail_outbox rows with their history.</summary>
internal static class OutboxRows
{
    private const string Columns =
        "id, request_id, message_id, reply_token, recipients, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at, failed_at";

    /// <summary>Rows where <paramref name="condition"/> (on parameter @key) holds, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxEntry>> LoadAsync(DbConnection c, string condition, string key, CancellationToken ct)
    {
        var rows = await c.QueryAsync(null, $"SELECT {Columns} FROM mail_outbox WHERE {condition} ORDER BY id", r => new OutboxEntry(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [], r.GetString(5),
            OutboxStatusCodes.Parse(r.GetString(6)), r.GetInt32(7), r.NullableString(8), r.Instant(9), r.Instant(10), r.NullableInstant(11),
            r.NullableInstant(12), []), ct, ("key", key));
        if (rows.Count == 0)
        {
            return rows;
        }
        var ids = string.Join(",", rows.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var events = await c.QueryAsync(null, $"SELECT outbox_id, at, status, detail FROM mail_outbox_events WHERE outbox_id IN ({ids}) ORDER BY id",
            r => (Id: r.GetInt64(0), Event: new OutboxEvent(r.Instant(1), OutboxStatusCodes.Parse(r.GetString(2)), r.NullableString(3))), ct);
        var byId = events.ToLookup(e => e.Id, e => e.Event);
        return rows.Select(r => r with { History = byId[r.Id].ToList() }).ToList();
    }
}
