using System.Data.Common;
using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Roster.Entries;

/// <summary>How an entry is stored: one row of <c>roster_entries</c>, its parts as JSON columns, and one JSON object in the audit log.</summary>
internal static class RosterRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Columns = "id, number, case_id, subject_id, connected, assets, figure, grounds, stage, decision, notice, exclusion, version, created_at, created_by, updated_at, updated_by";

    public static RosterEntry Read(DbDataReader r) => new(
        r.GetString(0),
        r.NullableString(1),
        r.GetString(2),
        r.GetString(3),
        From<List<string>>(r.GetString(4)),
        From<List<string>>(r.GetString(5)),
        From<RosterFigure>(r.GetString(6)),
        From<RosterGrounds>(r.GetString(7)),
        Codes.Parse<RosterStage>(r.GetString(8)),
        r.NullableString(9) is { } decision ? From<RosterDecision>(decision) : null,
        r.NullableString(10) is { } notice ? From<RosterNotice>(notice) : null,
        r.NullableString(11) is { } exclusion ? From<RosterExclusion>(exclusion) : null,
        new Stamp(r.GetInt32(12), r.Instant(13), r.GetString(14), r.Instant(15), r.GetString(16)));

    /// <summary>Every column's value, named as the SQL of the store names them.</summary>
    public static (string, object?)[] Values(RosterEntry e) =>
    [
        ("id", e.Id), ("number", e.Number), ("case", e.CaseId), ("subject", e.SubjectId),
        ("connected", To(e.ConnectedPersonIds)), ("assets", To(e.AssetIds)), ("figure", To(e.Figure)), ("grounds", To(e.Grounds)),
        ("stage", Codes.Of(e.Stage)), ("decision", e.Decision is null ? null : To(e.Decision)), ("notice", e.Notice is null ? null : To(e.Notice)),
        ("deadline", e.DeadlineOn), ("exclusion", e.Exclusion is null ? null : To(e.Exclusion)), ("version", e.Stamp.Version),
        ("createdAt", e.Stamp.CreatedAt), ("createdBy", e.Stamp.CreatedBy), ("updatedAt", e.Stamp.UpdatedAt), ("updatedBy", e.Stamp.UpdatedBy),
    ];

    public static string AuditJson(RosterEntry e) => JsonSerializer.Serialize(e, Json);

    private static Storage.Json To<T>(T value) => new(JsonSerializer.Serialize(value, Json));

    private static T From<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}
