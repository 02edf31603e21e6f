using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AssetTrace.Accounts;
using AssetTrace.Analytics.Connections;
using AssetTrace.Analytics.Engine;
using AssetTrace.Analytics.Ownership;
using AssetTrace.Audit;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Microsoft.Extensions.Options;

namespace AssetTrace.Matching.Screening;

/// <summary>
/// Screening (#14): a list of names, each looked up through the match index as the API's search looks one
/// up (any script and romanisation, word order, initials, a typo a word; birth date, country and identifier
/// as evidence), and for each of the best matches what stands behind it, computed by the analytics engine
/// that answers <c>holdings</c> and <c>connectedPersons</c>. Every step runs for the viewer: the index
/// neither scores nor counts what they may not see, and the engine runs under their sight of the snapshot,
/// so a restricted node is never a match, a holding, nor a connection for someone not on its case.
/// </summary>
public sealed class Screener(
    MatchIndexProvider index, SnapshotProvider snapshots, RecentGraphVersion counter, Database database, AuditLog audit,
    IOptions<MatchingOptions> options, TimeProvider clock)
{
    public const int DefaultTop = 5;

    /// <summary>Holdings and connections listed per match, the largest holdings first; the counts give the rest.</summary>
    public const int Shown = 20;

    /// <summary>Who may screen: those who look people up for a case or the roster. Admins pass every gate.</summary>
    public static readonly Role[] Roles = [Role.Analyst, Role.Officer, Role.Commission];

    // Rows whose matches are read from the snapshot under one hold of its read lock: long enough to save
    // the lock's cost, short enough not to keep the snapshot from taking the store's changes for long.
    private const int RowsPerRead = 500;

    /// <summary>Screens rows already checked by <see cref="ScreenRowChecks"/>, and records who screened how many in the audit log.</summary>
    /// <param name="how">How the list came ("api", "shell", with a file name), for the audit log.</param>
    public async Task<ScreeningResult> ScreenAsync(Viewer viewer, IReadOnlyList<ScreenRow> rows, int top, string how, CancellationToken ct)
    {
        var threshold = options.Value.Threshold;
        // Read the counter before the lookups: the snapshot is then at least as new as what the index found.
        var version = await counter.CurrentAsync(ct);
        var hits = await index.FindAllAsync(viewer, [.. rows.Select(r => r.Subject)], search: true, kinds: null, asOf: null, threshold, top, countBound: top, ct);
        var found = rows.Zip(hits, (row, h) => (Row: row, Hits: h.Items)).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var behind = new Dictionary<string, Behind?>(StringComparer.Ordinal);
        var screened = new List<ScreenedRow>(rows.Count);
        foreach (var chunk in found.Chunk(RowsPerRead))
        {
            screened.AddRange(await snapshots.ReadAsync(viewer, version, g => chunk.Select(f => Screen(g, f.Row, f.Hits, today, behind)).ToList(), ct));
        }
        var result = new ScreeningResult(screened, Sha256(rows));
        var details = new JsonObject
        {
            ["rows"] = rows.Count,
            ["top"] = top,
            ["matches"] = result.MatchCount,
            ["rowsWithMatches"] = screened.Count(r => r.Matches.Count > 0),
            ["sha256"] = result.InputSha256,
            ["via"] = how,
        };
        await database.WriteAsync(async (c, t) => await audit.AppendAsync(c, t,
            new AuditRecord(viewer.Name, "screening.completed", $"screening/{Guid.CreateVersion7()}", null, details.ToJsonString(), null), ct), ct);
        return result;
    }

    /// <summary>
    /// The SHA-256 of the list as screened, one row a line (name, birth date, country, identifier, tab-separated):
    /// the audit log records it rather than the names, and the same list gives the same hash from the API or a file.
    /// </summary>
    public static string Sha256(IEnumerable<ScreenRow> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row.Name).Append('\t').Append(row.BirthDate).Append('\t').Append(row.Country).Append('\t').Append(row.Identifier).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed record Behind(SnapshotNode Node, List<Holding> Holdings, List<ConnectedPerson> Connected);

    // Runs under the viewer's sight of the snapshot: a node it no longer shows (deleted or restricted since
    // the index saw it) is dropped, as the search drops one the store no longer shows.
    private static ScreenedRow Screen(GraphSnapshot graph, ScreenRow row, IReadOnlyList<MatchHit> hits, DateOnly today, Dictionary<string, Behind?> behind)
    {
        var matches = new List<ScreenMatch>(hits.Count);
        foreach (var hit in hits)
        {
            if (!behind.TryGetValue(hit.Entry.Id, out var b))
            {
                behind[hit.Entry.Id] = b = Read(graph, hit.Entry.Id, today);
            }
            if (b is null)
            {
                continue;
            }
            matches.Add(new ScreenMatch(b.Node.Id, b.Node.Kind, b.Node.Name, hit.Match.Score, hit.Match.MatchedName, hit.Match.Explanation,
                [.. b.Holdings.Take(Shown)], b.Holdings.Count, [.. b.Connected.Take(Shown)], b.Connected.Count));
        }
        return new ScreenedRow(row, matches);
    }

    private static Behind? Read(GraphSnapshot graph, string id, DateOnly today)
    {
        if (graph.Find(id) is not { } node)
        {
            return null;
        }
        // Persons and companies hold things; assets and addresses do not, and only persons have connected persons.
        var holdings = node.Kind is NodeKind.Person or NodeKind.Company ? HoldingsFinder.Find(graph, id, withConnected: false, today, maxPaths: 0) : [];
        var connected = node.Kind is NodeKind.Person ? ConnectedPersonsFinder.Find(graph, id, hops: 1, today) : [];
        return new Behind(node, holdings, connected);
    }
}
