using System.Text.Json;
using AssetTrace.Cases;
using AssetTrace.Graph.Store;
using AssetTrace.Matching;
using AssetTrace.Roster.Entries;
using AssetTrace.Visibility;

namespace AssetTrace.Watch.Leads;

/// <summary>
/// The nodes the watch looks for (#15): the subjects of open cases and of roster entries still in play (an entry
/// belongs to its case, so its lead does too), with the cases each belongs to,
/// in a small <see cref="MatchIndex"/> of their own so that each candidate phrase of a page costs a few
/// key probes, and only phrases that share a word (in any script or romanisation) are scored.
/// </summary>
public sealed class WatchedSubjects
{
    private static readonly string[] IdentifierProperties =
        ["personalId", "registrationNumber", "imoNumber", "vin", "registrationMark", "serialNumber", "isin", "iban", "titleNumber", "publicKey"];

    private readonly MatchIndex _index = new();
    private readonly Dictionary<string, List<string>> _casesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byIdentifier = new(StringComparer.Ordinal);
    // Whether a word of a text shares a key (any script, romanisation, one typo) with a watched name: most
    // words of a page share none, and only the phrases around those that do are scored. Kept for the run.
    private readonly Dictionary<string, bool> _wordMayName = new(StringComparer.Ordinal);

    private WatchedSubjects()
    {
    }

    public int Count => _casesOf.Count;

    /// <summary>The stages after which the roster no longer acts on a person: their entry is not watched.</summary>
    private static readonly HashSet<RosterStage> Settled = [RosterStage.Rejected, RosterStage.Excluded, RosterStage.Closed];

    /// <summary>Read as the watch itself sees the graph: every open case, roster entry and subject, whoever may see them.</summary>
    public static async Task<WatchedSubjects> LoadAsync(CaseStore cases, RosterStore roster, GraphQueries graph, CancellationToken ct)
    {
        var watched = new WatchedSubjects();
        var viewer = Viewer.System("watch");
        foreach (var @case in await cases.ListAsync(viewer, CaseStatus.Open, ct))
        {
            foreach (var subject in @case.Subjects)
            {
                watched.Watch(subject.NodeId, @case.Id);
            }
        }
        foreach (var entry in await roster.ListAsync(viewer, null, null, ct))
        {
            if (!Settled.Contains(entry.Stage))
            {
                watched.Watch(entry.SubjectId, entry.CaseId);
            }
        }
        var nodes = await graph.GetNodesAsync(viewer, watched._casesOf.Keys, ct);
        foreach (var node in nodes.Values)
        {
            var names = new List<string> { node.Name };
            if (node.Properties.TryGetProperty("alternateNames", out var alternates) && alternates.ValueKind == JsonValueKind.Array)
            {
                names.AddRange(alternates.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
            }
            foreach (var property in IdentifierProperties)
            {
                if (node.Properties.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && Normalise(value.GetString()!) is { Length: > 0 } id)
                {
                    if (!watched._byIdentifier.TryGetValue(id, out var ids))
                    {
                        watched._byIdentifier[id] = ids = [];
                    }
                    ids.Add(node.Id);
                }
            }
            watched._index.Upsert(new MatchEntry(node.Id, Graph.Model.Codes.Of(node.Kind), new MatchSubject(names), null, null, null));
        }
        return watched;
    }

    private void Watch(string nodeId, string caseId)
    {
        if (!_casesOf.TryGetValue(nodeId, out var list))
        {
            _casesOf[nodeId] = list = [];
        }
        if (!list.Contains(caseId, StringComparer.Ordinal))
        {
            list.Add(caseId);
        }
    }

    public IReadOnlyList<string> CasesOf(string nodeId) => _casesOf.GetValueOrDefault(nodeId) ?? [];

    /// <summary>The watched nodes a name matches at or above the threshold, with the matcher's score and explanation.</summary>
    public IReadOnlyList<MatchHit> MatchName(string name, double threshold) =>
        _casesOf.Count == 0 ? [] : _index.Find(MatchSubject.Named(name), search: false, _ => true, threshold, take: 10, countBound: 10).Items;

    /// <summary>Whether a single word could be part of a watched name (the index finds a candidate for it at all).</summary>
    public bool MayName(string word)
    {
        if (_casesOf.Count == 0)
        {
            return false;
        }
        if (!_wordMayName.TryGetValue(word, out var may))
        {
            may = _index.Find(MatchSubject.Named(word), search: false, _ => true, threshold: 0.01, take: 1, countBound: 1).Items.Count > 0;
            if (_wordMayName.Count < 200_000)
            {
                _wordMayName[word] = may;
            }
        }
        return may;
    }

    /// <summary>The watched nodes with exactly this identifier (spaces, dashes and case aside).</summary>
    public IReadOnlyList<string> MatchIdentifier(string identifier) => _byIdentifier.GetValueOrDefault(Normalise(identifier)) ?? [];

    private static string Normalise(string identifier) =>
        new([.. identifier.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
}
