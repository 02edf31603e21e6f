using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>How a request is stored: one flat row of the <c>requests</c> table, and one flat JSON object in the audit log.</summary>
internal static class RequestRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Columns = "id, number, case_id, network, jurisdiction, contact_point_id, body, status, urgency, due_at, overdue, reply_token, author, approved_by, approved_at, sent_at, acknowledged_at, answered_at, closed_at, failure_reason, version, created_at, updated_at, updated_by";

    public static NetworkRequest Read(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        new RequestRoute(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
        JsonSerializer.Deserialize<RequestBody>(r.GetString(6), Json)!,
        new RequestProgress(Codes.Parse<RequestStatus>(r.GetString(7)), Codes.Parse<Urgency>(r.GetString(8)), r.NullableInstant(9), r.GetBoolean(10), r.NullableString(19)),
        new RequestMilestones(r.NullableString(13), r.NullableInstant(14), r.NullableInstant(15), r.NullableInstant(16), r.NullableInstant(17), r.NullableInstant(18)),
        r.GetString(11),
        new Stamp(r.GetInt32(20), r.Instant(21), r.GetString(12), r.Instant(22), r.GetString(23)));

    /// <summary>
    /// The request as the audit log has always held it: one flat object with the row's fields in
    /// the row's order, so entries written before and after the record was grouped read alike.
    /// </summary>
    public static string AuditJson(NetworkRequest r) => JsonSerializer.Serialize(new
    {
        r.Id,
        r.Number,
        r.Route.CaseId,
        r.Route.Network,
        r.Route.Jurisdiction,
        r.Route.ContactPointId,
        r.Body,
        r.Progress.Status,
        r.Progress.Urgency,
        r.Progress.DueAt,
        r.Progress.Overdue,
        r.ReplyToken,
        Author = r.Stamp.CreatedBy,
        r.Milestones.ApprovedBy,
        r.Milestones.ApprovedAt,
        r.Milestones.SentAt,
        r.Milestones.AcknowledgedAt,
        r.Milestones.AnsweredAt,
        r.Milestones.ClosedAt,
        r.Progress.FailureReason,
        r.Stamp.Version,
        r.Stamp.CreatedAt,
        r.Stamp.UpdatedAt,
        r.Stamp.UpdatedBy,
    }, Json);
}
