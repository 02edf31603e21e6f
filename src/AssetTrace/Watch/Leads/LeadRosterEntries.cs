using AssetTrace.Roster.Entries;
using AssetTrace.Visibility;

namespace AssetTrace.Watch.Leads;

/// <summary>
/// The roster entries a lead names (#15): those of its case whose subject is the lead's node, so the Commission
/// sees what the watch found about a person on (or proposed for) the roster. Read through the roster's own store
/// with the viewer's visibility, at the time of reading, so an entry proposed after the lead was raised is named too.
/// </summary>
public static class LeadRosterEntries
{
    public static async Task<Dictionary<string, List<RosterEntry>>> OfAsync(RosterStore roster, Viewer viewer, IReadOnlyCollection<Lead> leads, CancellationToken ct)
    {
        var named = new Dictionary<string, List<RosterEntry>>(StringComparer.Ordinal);
        foreach (var caseId in leads.Select(l => l.CaseId).Distinct())
        {
            var entries = await roster.ListAsync(viewer, caseId, null, ct);
            foreach (var lead in leads.Where(l => l.CaseId == caseId))
            {
                named[lead.Id] = [.. entries.Where(e => e.SubjectId == lead.NodeId)];
            }
        }
        return named;
    }
}
