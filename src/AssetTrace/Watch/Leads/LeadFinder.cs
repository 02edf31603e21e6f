using System.Globalization;
using AssetTrace.Watch.Extraction;
using AssetTrace.Watch.Sources;

namespace AssetTrace.Watch.Leads;

/// <summary>A match of one record of a snapshot with a watched node, before it is stored as a lead.</summary>
public sealed record LeadCandidate(string NodeId, ExtractedRecord Record, string MatchedText, double Score, IReadOnlyList<string> Explanation);

/// <summary>
/// Matches a page's records against the watched nodes (#15): name properties whole, free-text
/// properties by every run of two and three words (a name in a sentence), identifiers exactly.
/// </summary>
public static class LeadFinder
{
    public static IReadOnlyList<LeadCandidate> Find(IReadOnlyList<ExtractedRecord> records, RecordMapping mapping, WatchedSubjects watched, double threshold)
    {
        var found = new Dictionary<(string Node, string Record), LeadCandidate>();
        void Keep(LeadCandidate candidate)
        {
            var key = (candidate.NodeId, candidate.Record.Element);
            if (!found.TryGetValue(key, out var kept) || kept.Score < candidate.Score)
            {
                found[key] = candidate;
            }
        }
        foreach (var record in records)
        {
            foreach (var value in record.Values)
            {
                if (mapping.IdentifierProperties.Contains(value.Property))
                {
                    foreach (var node in watched.MatchIdentifier(value.Text))
                    {
                        Keep(new LeadCandidate(node, record, value.Text, 1, [$"identifier {value.Property} '{value.Text}' is the subject's"]));
                    }
                }
                var phrases = mapping.NameProperties.Contains(value.Property) ? [value.Text]
                    : mapping.TextProperties.Contains(value.Property) ? Phrases(value.Text, watched.MayName) : [];
                foreach (var phrase in phrases)
                {
                    foreach (var hit in watched.MatchName(phrase, threshold))
                    {
                        Keep(new LeadCandidate(hit.Entry.Id, record, phrase, hit.Match.Score,
                            [.. hit.Match.Explanation.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Query} ~ {r.Candidate}: {r.How} {r.Score:0.##}"))]));
                    }
                }
            }
        }
        return [.. found.Values];
    }

    /// <summary>
    /// Every run of two and three words of a text (a person's name as a sentence writes it) that holds a word
    /// <paramref name="mayName"/> lets through: the others cannot reach the threshold and are not scored.
    /// </summary>
    public static IEnumerable<string> Phrases(string text, Func<string, bool> mayName)
    {
        var words = text.Split((char[])[' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '«', '»', '“', '”', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter)).ToList();
        var may = words.Select(mayName).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            for (var n = 2; n <= 3 && i + n <= words.Count; n++)
            {
                if (may.Skip(i).Take(n).Any(m => m))
                {
                    yield return string.Join(' ', words.Skip(i).Take(n));
                }
            }
        }
    }
}
