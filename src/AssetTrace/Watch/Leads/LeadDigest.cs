using System.Text.Json;
using AssetTrace.Accounts;
using AssetTrace.Audit;
using AssetTrace.Graph.Model;
using AssetTrace.Mail;
using AssetTrace.Storage;
using AssetTrace.Watch.Runs;
using Microsoft.Extensions.Options;

namespace AssetTrace.Watch.Leads;

/// <summary>
/// Tells a case's analysts of the leads a run raised on it (#15): once the run has been through its pages, one
/// message per case and analyst with an e-mail address (a digest, not a message per lead), queued through the
/// mail outbox, which sends it over the configured SMTP server, retries it and records a failure for good.
/// <para>
/// Recipients: users on the case's team (case_access, access 'team') who hold the analyst role, are not disabled
/// and have an address. Nobody else: a lead exists only for those who see its case (see <see cref="LeadDigestMail"/>
/// for what the message holds). Each queued digest is a row of watch_lead_digests, written in the transaction that
/// queues it: a run resumed after a crash queues no digest twice, and one the crash cut off is queued then.
/// </para>
/// </summary>
public sealed class LeadDigest(Database database, MailOutbox outbox, AuditLog audit, IOptions<WatchOptions> options, TimeProvider clock)
{
    /// <summary>Queues the run's digests not yet queued; returns how many.</summary>
    public Task<int> QueueAsync(WatchRun run, string sourceTitle, CancellationToken ct) =>
        database.WriteAsync(async (c, t) =>
        {
            var leads = await c.QueryAsync(t, """
                SELECT l.case_id, l.id, l.matched_name, l.score FROM watch_leads l JOIN watch_snapshots s ON s.id = l.snapshot_id
                WHERE s.run_id = @run ORDER BY l.case_id, l.created_at, l.id
                """, r => (Case: r.GetString(0), Lead: new DigestLead(r.GetString(1), r.GetString(2), r.GetDouble(3))), ct, ("run", run.Id));
            var queued = 0;
            var console = new Uri(options.Value.ConsoleAddress.EndsWith('/') ? options.Value.ConsoleAddress : options.Value.ConsoleAddress + "/");
            foreach (var ofCase in leads.GroupBy(l => l.Case, StringComparer.Ordinal))
            {
                var caseId = ofCase.Key;
                var (number, title) = (await c.QueryAsync(t, "SELECT number, title FROM cases WHERE id = @id", r => (r.GetString(0), r.GetString(1)), ct, ("id", caseId))).Single();
                var analysts = await c.QueryAsync(t, """
                    SELECT u.username, u.email, u.roles FROM case_access a JOIN users u ON u.username = a.username
                    WHERE a.case_id = @case AND a.access = 'team' AND u.email IS NOT NULL AND NOT u.disabled ORDER BY u.username
                    """, r => (User: r.GetString(0), Email: r.GetString(1), Roles: r.GetString(2)), ct, ("case", caseId));
                var digestLeads = ofCase.Select(l => l.Lead).ToList();
                foreach (var analyst in analysts.Where(a => a.Roles.Split(',').Contains(Codes.Of(Role.Analyst))))
                {
                    var done = await c.ScalarAsync<long>(t, "SELECT COUNT(*) FROM watch_lead_digests WHERE run_id = @run AND case_id = @case AND username = @u", ct,
                        ("run", run.Id), ("case", caseId), ("u", analyst.User));
                    if (done > 0)
                    {
                        continue;
                    }
                    var key = OfficeNotice.Key($"lead-digest/{run.Id}/{caseId}/{analyst.User}");
                    var mail = LeadDigestMail.Compose(key, analyst.Email, number, title, sourceTitle, run.StartedAt, digestLeads, console);
                    var messageId = await outbox.EnqueueAsync(c, t, mail, ct);
                    await c.ExecuteAsync(t, """
                        INSERT INTO watch_lead_digests (run_id, case_id, username, message_id, leads, queued_at) VALUES (@run, @case, @u, @m, @n, @at)
                        """, ct, ("run", run.Id), ("case", caseId), ("u", analyst.User), ("m", messageId), ("n", digestLeads.Count), ("at", clock.GetUtcNow()));
                    await audit.AppendAsync(c, t, new AuditRecord("watch", "watch.lead-digest.queued", $"watch-run/{run.Id}", null,
                        JsonSerializer.Serialize(new { caseId, to = analyst.User, messageId, leads = digestLeads.Select(l => l.Id) }), null), ct);
                    queued++;
                }
            }
            return queued;
        }, ct);

    /// <summary>The Message-IDs of the digests queued for a run, by case and recipient (for the run's page and tests).</summary>
    public Task<List<(string CaseId, string Username, string MessageId, int Leads)>> OfRunAsync(string runId, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, "SELECT case_id, username, message_id, leads FROM watch_lead_digests WHERE run_id = @run ORDER BY case_id, username",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), ct, ("run", runId)), ct);
}
