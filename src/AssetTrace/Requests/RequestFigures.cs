using AssetTrace.Graph.Model;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.Requests;

/// <summary>Turnaround for one network or jurisdiction: days from sending to the first answer.</summary>
public sealed record Turnaround(string Key, int Answered, double? MedianDays, double? AverageDays, int Open, int Overdue);

/// <summary>The figures the office reports: turnaround per network and per jurisdiction, open and overdue counts.</summary>
public sealed record RequestFigures(int Open, int Overdue, IReadOnlyList<Turnaround> ByNetwork, IReadOnlyList<Turnaround> ByJurisdiction);

/// <summary>Reads the figures over the requests of the cases the viewer may see: a count never reveals a case they are not on.</summary>
public sealed class RequestFigureReader(Database database)
{
    public async Task<RequestFigures> ReadAsync(Viewer viewer, CancellationToken ct)
    {
        var all = await database.ReadAsync(c => c.QueryAsync(null,
            "SELECT network, jurisdiction, status, sent_at, answered_at, overdue, case_id FROM requests",
            r => (Network: r.GetString(0), Jurisdiction: r.GetString(1), Status: Codes.Parse<RequestStatus>(r.GetString(2)),
                SentAt: r.NullableInstant(3), AnsweredAt: r.NullableInstant(4), Overdue: r.GetBoolean(5), CaseId: r.GetString(6)), ct), ct);
        var rows = all.Where(r => viewer.Sees(r.CaseId)).Select(r => (r.Network, r.Jurisdiction, r.Status, r.SentAt, r.AnsweredAt, r.Overdue)).ToList();
        static bool IsOpen(RequestStatus status) => status == RequestStatus.Queued || RequestTransitions.AwaitingAnswer.Contains(status);
        var open = rows.Where(r => IsOpen(r.Status)).ToList();
        List<Turnaround> By(Func<(string Network, string Jurisdiction, RequestStatus Status, DateTimeOffset? SentAt, DateTimeOffset? AnsweredAt, bool Overdue), string> key) =>
            [.. rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var days = g.Where(r => r.SentAt is not null && r.AnsweredAt is not null).Select(r => (r.AnsweredAt!.Value - r.SentAt!.Value).TotalDays).Order().ToList();
                return new Turnaround(g.Key, days.Count, days.Count == 0 ? null : Median(days), days.Count == 0 ? null : days.Average(),
                    g.Count(r => IsOpen(r.Status)), g.Count(r => r.Overdue && IsOpen(r.Status)));
            })];
        return new RequestFigures(open.Count, open.Count(r => r.Overdue), By(r => r.Network), By(r => r.Jurisdiction));
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
