using System.Text.Json.Nodes;
using AssetTrace.Analytics;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Interchange;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Analytics;

/// <summary>
/// Every BODS 0.4 example of the standard (tests/fixtures/bods/0.4 and its examples/ folder: the 19 files of
/// release 0.4.0) imported, and each person the file declares a beneficial owner of an entity
/// (beneficialOwnershipOrControl: true on an interest of a relationship that stands at the file's end) must
/// come out of beneficialOwners for that entity, whatever the threshold says (#12). Both stores.
/// </summary>
public abstract class BodsDeclaredOwnersContract(StoreKind kind)
{
    public static TheoryData<string> Examples() =>
    [
        .. Directory.EnumerateFiles(Fixtures.Path("bods/0.4"), "*.json")
            .Concat(Directory.EnumerateFiles(Fixtures.Path("bods/0.4/examples"), "*.json"))
            .Select(f => Path.GetRelativePath(Fixtures.Path("bods/0.4"), f)).Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_fixtures_hold_every_example_of_BODS_0_4_0() => Assert.Equal(19, Examples().Count);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_declared_beneficial_owner_comes_out_of_beneficialOwners(string example)
    {
        var path = Fixtures.Path(Path.Combine("bods/0.4", example));
        await using var harness = await CoreHarness.StartAsync(kind);
        var report = await harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [path], new ImportOptions("analyst1"), null, default);
        Assert.True(report.Committed && report.ProblemCount == 0, $"{example}: {report.FailureReason} {string.Join("; ", report.Problems)}");

        var declared = Declared(JsonNode.Parse(File.ReadAllText(path))!.AsArray(), DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime));
        var missing = new List<string>();
        foreach (var subject in declared.Select(d => d.Subject).Distinct())
        {
            var owners = await harness.Get<OwnershipAnalytics>().BeneficialOwnersAsync(
                Viewer.System("test"), InterchangeIds.For("bods", subject), thresholdPercent: null, asOf: null, maxPaths: 1, default);
            var found = owners.Select(o => o.PersonId).ToHashSet();
            missing.AddRange(declared.Where(d => d.Subject == subject && !found.Contains(InterchangeIds.For("bods", d.Person)))
                .Select(d => $"{d.Person} ({d.Interest}) of {subject}; found {string.Join(", ", found)}"));
        }
        Assert.True(missing.Count == 0, $"{example}: declared owners missing:\n{string.Join("\n", missing)}");
    }

    /// <summary>
    /// (person record, subject record, interest type) for each interest declared beneficial, in the latest statement of each
    /// relationship record, when that statement does not close it and the interest has not ended by <paramref name="today"/>.
    /// </summary>
    private static List<(string Person, string Subject, string Interest)> Declared(JsonArray statements, DateOnly today)
    {
        var persons = statements.Where(s => s!["recordType"]?.GetValue<string>() == "person").Select(s => s!["recordId"]!.GetValue<string>()).ToHashSet();
        var latest = statements.Select(s => s!).Where(s => s["recordType"]?.GetValue<string>() == "relationship")
            .Select((s, i) => (Statement: s, Order: i))
            .GroupBy(s => s.Statement["recordId"]!.GetValue<string>())
            .Select(g => g.OrderBy(s => s.Statement["statementDate"]?.GetValue<string>(), StringComparer.Ordinal).ThenBy(s => s.Order).Last().Statement);
        var declared = new List<(string, string, string)>();
        foreach (var relationship in latest.Where(r => r["recordStatus"]?.GetValue<string>() != "closed"))
        {
            var details = relationship["recordDetails"]!;
            if (details["interestedParty"] is not JsonValue party || !persons.Contains(party.GetValue<string>()) || details["subject"] is not JsonValue subject)
            {
                continue;
            }
            foreach (var interest in details["interests"]?.AsArray() ?? [])
            {
                var ended = interest!["endDate"]?.GetValue<string>() is { } end && DateOnly.Parse(end[..10], System.Globalization.CultureInfo.InvariantCulture) <= today;
                if (interest["beneficialOwnershipOrControl"]?.GetValue<bool>() == true && !ended)
                {
                    declared.Add((party.GetValue<string>(), subject.GetValue<string>(), interest["type"]?.GetValue<string>() ?? "unknown"));
                }
            }
        }
        return declared;
    }
}

public sealed class SqliteBodsDeclaredOwnersTests() : BodsDeclaredOwnersContract(StoreKind.Sqlite);

public sealed class PostgresBodsDeclaredOwnersTests() : BodsDeclaredOwnersContract(StoreKind.Postgres);
