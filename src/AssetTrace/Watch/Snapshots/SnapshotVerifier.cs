using System.Security.Cryptography;
using AssetTrace.Storage;

namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// Checks every stored snapshot body against the SHA-256 it is stored under, and that every snapshot still has its
/// body (#15): the check an administrator runs (<c>assettrace watch verify</c>) rather than wait for an export or an
/// acceptance to come across an altered one. Bodies are read one at a time, so a large store costs one body's memory.
/// </summary>
public sealed class SnapshotVerifier(Database database)
{
    public async Task<SnapshotVerification> VerifyAsync(CancellationToken ct)
    {
        var hashes = await database.ReadAsync(c => c.QueryAsync(null, "SELECT sha256 FROM watch_bodies ORDER BY sha256", r => r.GetString(0), ct), ct);
        var store = new SnapshotStore(database);
        var findings = new List<string>();
        foreach (var sha in hashes)
        {
            var body = await store.BodyAsync(sha, ct);
            var actual = body is null ? "no body" : Convert.ToHexStringLower(SHA256.HashData(body));
            if (actual != sha)
            {
                var used = await database.ReadAsync(c => c.QueryAsync(null, "SELECT id, url FROM watch_snapshots WHERE sha256 = @h ORDER BY fetched_at, id",
                    r => $"{r.GetString(0)} ({r.GetString(1)})", ct, ("h", sha)), ct);
                findings.Add($"The body stored under {sha} hashes to {actual}: it was changed after it was fetched. Snapshots: {(used.Count == 0 ? "none" : string.Join(", ", used))}.");
            }
        }
        var orphans = await database.ReadAsync(c => c.QueryAsync(null, """
            SELECT s.id, s.url, s.sha256 FROM watch_snapshots s LEFT JOIN watch_bodies b ON b.sha256 = s.sha256 WHERE b.sha256 IS NULL ORDER BY s.fetched_at, s.id
            """, r => $"Snapshot {r.GetString(0)} ({r.GetString(1)}): its body {r.GetString(2)} is missing from the store.", ct), ct);
        findings.AddRange(orphans);
        return new SnapshotVerification(hashes.Count, findings);
    }
}

/// <summary>How many bodies were hashed, and what is wrong (empty when every body and snapshot holds).</summary>
public sealed record SnapshotVerification(int BodiesChecked, IReadOnlyList<string> Findings)
{
    public bool Intact => Findings.Count == 0;
}
