using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using AssetTrace.Audit;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Requests.Directory;

/// <summary>
/// Networks, member jurisdictions and contact points. Seeded on first start from
/// reference-data/network-directory.json; changed through the API afterwards, every change audited.
/// </summary>
public sealed partial class NetworkDirectory(Database database, AuditLog audit, TimeProvider clock)
{
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "reference-data", "network-directory.json");

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!File.Exists(DefaultFile) || await database.ReadAsync(c => c.ScalarAsync<long>(null, "SELECT COUNT(*) FROM networks", ct), ct) > 0)
        {
            return;
        }
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(DefaultFile, ct));
        await database.WriteAsync(async (c, t) =>
        {
            foreach (var n in document.RootElement.GetProperty("networks").EnumerateArray())
            {
                var due = n.GetProperty("due");
                var network = new NetworkInfo(n.GetProperty("code").GetString()!, n.GetProperty("name").GetString()!, n.GetProperty("kind").GetString()!,
                    n.GetProperty("consentRequired").GetBoolean(), Codes.Parse<UsageRestriction>(n.GetProperty("restriction").GetString()!),
                    due.GetProperty("urgentHours").GetInt32(), due.GetProperty("normalDays").GetInt32(), due.GetProperty("lowDays").GetInt32());
                await WriteNetworkAsync(c, t, network, "system", ct);
                foreach (var p in n.GetProperty("contacts").EnumerateArray())
                {
                    await WriteContactAsync(c, t, new ContactPoint(Guid.CreateVersion7().ToString(), network.Code, p.GetProperty("jurisdiction").GetString()!,
                        p.GetProperty("name").GetString()!, p.GetProperty("email").GetString()!,
                        [.. p.GetProperty("languages").EnumerateArray().Select(l => l.GetString()!)], p.GetProperty("timeZone").GetString()!,
                        p.GetProperty("usualResponseDays").GetInt32(), true), "system", ct);
                }
            }
            await audit.AppendAsync(c, t, new AuditRecord("system", "directory.seeded", "directory", null, Path.GetFileName(DefaultFile), null), ct);
            return true;
        }, ct);
    }

    public Task<List<NetworkInfo>> NetworksAsync(CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"SELECT {NetworkColumns} FROM networks ORDER BY code", ReadNetwork, ct), ct);

    public async Task<NetworkInfo> NetworkAsync(string code, string field, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {NetworkColumns} FROM networks WHERE code = @c", ReadNetwork, ct, ("c", code)), ct)).SingleOrDefault()
        ?? throw new UserInputException(field, $"'{code}' is not a network in the directory; known: {string.Join(", ", (await NetworksAsync(ct)).Select(n => n.Code))}.");

    public Task<List<ContactPoint>> ContactPointsAsync(string? network, string? jurisdiction, CancellationToken ct) =>
        database.ReadAsync(c => c.QueryAsync(null, $"""
            SELECT {ContactColumns} FROM contact_points
            WHERE active AND {(network is null ? "1 = 1" : "network = @n")} AND {(jurisdiction is null ? "1 = 1" : "jurisdiction = @j")}
            ORDER BY network, jurisdiction, name
            """, ReadContact, ct, ("n", network ?? ""), ("j", jurisdiction ?? "")), ct);

    public async Task<ContactPoint?> ContactPointAsync(string id, CancellationToken ct) =>
        (await database.ReadAsync(c => c.QueryAsync(null, $"SELECT {ContactColumns} FROM contact_points WHERE id = @id", ReadContact, ct, ("id", id)), ct)).SingleOrDefault();

    /// <summary>Adds a contact point, or changes the one with the same id; audited with before and after.</summary>
    public async Task<ContactPoint> SaveContactPointAsync(ContactPoint contact, string actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!EmailPattern().IsMatch(contact.Email))
        {
            errors.Add(new FieldError("input.email", $"'{contact.Email}' is not an e-mail address."));
        }
        if (contact.Jurisdiction.Length != 2 || !contact.Jurisdiction.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new FieldError("input.jurisdiction", $"'{contact.Jurisdiction}' is not an ISO 3166-1 alpha-2 code such as GB."));
        }
        errors.AddRange(RequestTextRules.Problems(contact));
        if (contact.Languages.Count == 0)
        {
            errors.Add(new FieldError("input.languages", "give at least one working language (ISO 639-1, e.g. en)."));
        }
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
        await NetworkAsync(contact.Network, "input.network", ct);
        return await database.WriteAsync(async (c, t) =>
        {
            var before = (await c.QueryAsync(t, $"SELECT {ContactColumns} FROM contact_points WHERE id = @id", ReadContact, ct, ("id", contact.Id))).SingleOrDefault();
            await WriteContactAsync(c, t, contact, actor, ct);
            await audit.AppendAsync(c, t, new AuditRecord(actor, before is null ? "contact_point.created" : "contact_point.updated", $"contact_point/{contact.Id}",
                before is null ? null : JsonSerializer.Serialize(before), JsonSerializer.Serialize(contact), null), ct);
            return contact;
        }, ct);
    }

    private async Task WriteNetworkAsync(DbConnection c, DbTransaction t, NetworkInfo n, string actor, CancellationToken ct) =>
        await c.ExecuteAsync(t, """
            INSERT INTO networks (code, name, kind, consent_required, restriction, urgent_hours, normal_days, low_days, updated_at, updated_by)
            VALUES (@code, @name, @kind, @consent, @restriction, @urgent, @normal, @low, @now, @actor)
            """, ct, ("code", n.Code), ("name", n.Name), ("kind", n.Kind), ("consent", n.ConsentRequired), ("restriction", Codes.Of(n.Restriction)),
            ("urgent", n.UrgentHours), ("normal", n.NormalDays), ("low", n.LowDays), ("now", clock.GetUtcNow()), ("actor", actor));

    // Updated in place: requests refer to their contact point, so it is never deleted and re-inserted.
    private async Task WriteContactAsync(DbConnection c, DbTransaction t, ContactPoint p, string actor, CancellationToken ct) =>
        await c.ExecuteAsync(t, """
            INSERT INTO contact_points (id, network, jurisdiction, name, email, languages, time_zone, usual_response_days, active, updated_at, updated_by)
            VALUES (@id, @network, @jurisdiction, @name, @email, @languages, @tz, @days, @active, @now, @actor)
            ON CONFLICT (id) DO UPDATE SET network = excluded.network, jurisdiction = excluded.jurisdiction, name = excluded.name,
                email = excluded.email, languages = excluded.languages, time_zone = excluded.time_zone,
                usual_response_days = excluded.usual_response_days, active = excluded.active,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct, ("id", p.Id), ("network", p.Network), ("jurisdiction", p.Jurisdiction), ("name", p.Name), ("email", p.Email),
            ("languages", string.Join(',', p.Languages)), ("tz", p.TimeZone), ("days", p.UsualResponseDays), ("active", p.Active),
            ("now", clock.GetUtcNow()), ("actor", actor));

    private const string NetworkColumns = "code, name, kind, consent_required, restriction, urgent_hours, normal_days, low_days";
    private const string ContactColumns = "id, network, jurisdiction, name, email, languages, time_zone, usual_response_days, active";

    private static NetworkInfo ReadNetwork(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3),
        Codes.Parse<UsageRestriction>(r.GetString(4)), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7));

    private static ContactPoint ReadContact(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetString(6), r.GetInt32(7), r.GetBoolean(8));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
