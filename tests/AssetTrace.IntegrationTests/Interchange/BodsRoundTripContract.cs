using System.Text;
using System.Text.Json.Nodes;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Interchange.Export;
using AssetTrace.Interchange.Import;
using AssetTrace.Storage;
using AssetTrace.Visibility;
using Xunit.Abstractions;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// BODS 0.4 files imported into an empty store and exported again, on both stores: the export is valid
/// against the standard's own schema, and says nothing about interests, addresses and declarations that
/// the original file did not say.
/// </summary>
public abstract class BodsRoundTripContract(StoreKind kind, ITestOutputHelper output)
{
    public static TheoryData<string> Examples() =>
        [.. Directory.EnumerateFiles(Fixtures.Path("bods/0.4"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_BODS_0_4_example_exports_again_as_valid_BODS_that_keeps_its_flags_addresses_and_declaration_subjects(string file) =>
        await RoundTripAsync(Fixtures.Path($"bods/0.4/{file}"));

    [Fact]
    public async Task Every_shared_BODS_0_4_example_exports_again_as_valid_BODS()
    {
        var folder = Fixtures.SharedData("bods/0.4/examples");
        if (folder is null)
        {
            output.WriteLine("DID NOT RUN: ../shared/data/bods/0.4/examples is not on this machine; only the fixtures in tests/fixtures were checked.");
            return;
        }
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            await RoundTripAsync(file);
        }
        output.WriteLine($"Round-tripped {files.Count} BODS 0.4 examples from {folder}.");
    }

    [Fact]
    public async Task An_indirect_holding_declared_not_beneficial_is_not_exported_as_beneficial_ownership()
    {
        var original = JsonNode.Parse(File.ReadAllText(Fixtures.Path("bods/0.4/indirect-ownership.json")))!.AsArray();
        // The person's indirect shareholding, declared not to make them a beneficial owner.
        var indirect = original.Single(s => s!["recordType"]!.GetValue<string>() == "relationship"
            && s["recordDetails"]!["interests"]!.AsArray().Any(i => i!["directOrIndirect"]?.GetValue<string>() == "indirect"))!;
        indirect["recordDetails"]!["interests"]![0]!["beneficialOwnershipOrControl"] = false;
        using var scratch = new TempFolder();
        var exported = await ImportAndExportAsync(scratch.File("not-beneficial.json", original.ToJsonString()));

        Assert.DoesNotContain(Interests(exported), i => i["beneficialOwnershipOrControl"]?.GetValue<bool>() == true);
    }

    [Fact]
    public async Task The_register_scheme_a_service_address_and_a_direct_beneficial_shareholding_come_back_as_they_were()
    {
        var exported = await ImportAndExportAsync(Fixtures.Path("bods/0.4/bods-package.json"));

        // #12: the scheme came back as schemeName "Company register", the service address without its type, the flag absent.
        var identifier = Records(exported, "entity").Single()["recordDetails"]!["identifiers"]![0]!;
        Assert.Equal(("2063384560", "GB-COH", (string?)null),
            (identifier["id"]!.GetValue<string>(), identifier["scheme"]?.GetValue<string>(), identifier["schemeName"]?.GetValue<string>()));
        var address = Records(exported, "person").Single()["recordDetails"]!["addresses"]![0]!;
        Assert.Equal(("service", "76 York Road Bournemouth"), (address["type"]?.GetValue<string>(), address["address"]!.GetValue<string>()));
        var interest = Interests(exported).Single();
        Assert.Equal(("shareholding", "direct", true), (interest["type"]!.GetValue<string>(), interest["directOrIndirect"]!.GetValue<string>(),
            interest["beneficialOwnershipOrControl"]?.GetValue<bool>()));
        Assert.Empty(BodsSchemaValidation.Problems(exported.ToJsonString()));
    }

    [Fact]
    public async Task An_address_type_BODS_does_not_define_is_reported_and_the_address_kept_without_it()
    {
        var original = JsonNode.Parse(File.ReadAllText(Fixtures.Path("bods/0.4/bods-package.json")))!.AsArray();
        Records(original, "person").Single()["recordDetails"]!["addresses"]![0]!["type"] = "headquarters";
        await using var harness = await CoreHarness.StartAsync(kind);

        var report = await harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [harness.TempFile("odd-address.json", original.ToJsonString())],
            new ImportOptions("importer1"), null, default);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("addresses[0].type 'headquarters' is not one of alternative, business, home, placeOfBirth, registered, residence, service: "
            + "the address was imported without a type.", problem.Reason);
        Assert.Equal("10478c6cf6de", problem.Location.RecordId);
        // The rest of the statement, and the relationship naming the person, are imported.
        Assert.Equal((3L, 2L), (report.NodesCreated, report.EdgesCreated));
        var registeredAt = await harness.Get<Database>().ReadAsync(c => c.QueryAsync(null, "SELECT properties FROM edges WHERE kind = 'REGISTERED_AT'",
            r => r.GetString(0), default), default);
        Assert.DoesNotContain("addressType", Assert.Single(registeredAt), StringComparison.Ordinal);
    }

    private async Task RoundTripAsync(string path)
    {
        var name = Path.GetFileName(path);
        var original = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var exported = await ImportAndExportAsync(path);

        var problems = BodsSchemaValidation.Problems(exported.ToJsonString());
        Assert.True(problems.Count == 0, $"{name}:\n{string.Join("\n", problems.Take(20))}");

        // A relationship's declaration is about its subject, never about the relationship itself.
        Assert.All(Records(exported, "relationship"), r =>
            Assert.Equal(r["recordDetails"]!["subject"]!.GetValue<string>(), r["declarationSubject"]!.GetValue<string>()));

        // Beneficial ownership flags: every one the file states comes back as it was, true or false, on direct interests
        // too (#12); none is invented; and a declared indirect one is kept.
        var before = Flags(original);
        var after = Flags(exported);
        Assert.All(after, f => Assert.True(before.Contains(f), $"{name}: exported {f} that the file does not say"));
        Assert.All(before, f => Assert.True(after.Contains(f), $"{name}: the file's {f} did not come back"));
        var declaredIndirect = Relationships(original)
            .Where(r => r.Interest["directOrIndirect"]?.GetValue<string>() == "indirect" && r.Interest["type"]?.GetValue<string>() == "shareholding"
                && r.Interest["beneficialOwnershipOrControl"]?.GetValue<bool>() == true && IsPerson(original, r.Party))
            .Select(r => (r.Party, r.Subject, true)).Select(Named(original)).ToList();
        Assert.All(declaredIndirect, f => Assert.Contains(f, after));

        // Addresses: each one comes back on its party, with the type the file gave it wherever the 0.4 schema allows that
        // type on that record (#12), and with no type the file did not give it.
        var addressesBefore = Addresses(original);
        var addressesAfter = Addresses(exported);
        Assert.All(addressesBefore, a => Assert.Contains(addressesAfter, b => b.Party == a.Party && b.Text == a.Text
            && b.Type == (a.Type is not null && AllowedAddressTypes(a.Record).Contains(a.Type) ? a.Type : null)));
        Assert.All(addressesAfter.Where(b => b.Type is not null), b => Assert.Contains(addressesBefore, a => (a.Party, a.Text, a.Type) == (b.Party, b.Text, b.Type)));

        // Identifiers: the number the graph keeps (an entity's first) comes back with the file's own scheme and scheme
        // name (#12), never with a scheme the file did not use.
        var schemesBefore = Identifiers(original);
        var schemesAfter = Identifiers(exported);
        foreach (var (party, id, scheme, schemeName) in schemesAfter)
        {
            // Where the file named no register at all, the export says what kind of number it is in words.
            var said = scheme is null && schemeName == "Company register" ? (party, id, (string?)null, (string?)null) : (party, id, scheme, schemeName);
            Assert.True(schemesBefore.Contains(said), $"{name}: {party} {id} exported with scheme {scheme} and scheme name {schemeName}, which the file does not give it");
        }
        Assert.All(schemesBefore.Select(i => i.Party).Distinct(), party => Assert.Contains(schemesAfter, i => i.Party == party));
    }

    private async Task<JsonArray> ImportAndExportAsync(string path)
    {
        await using var harness = await CoreHarness.StartAsync(kind);
        var report = await harness.Get<InterchangeImporter>().ImportPathsAsync("bods", [path], new ImportOptions("importer1"), null, default);
        Assert.True(report.Committed && report.ProblemCount == 0, $"{path}: {report.FailureReason} {string.Join("; ", report.Problems)}");
        var target = new MemoryTarget();
        await harness.Get<InterchangeExporter>().ExportAsync(Viewer.System("test"), "bods", new ExportScope(), target, default);
        return JsonNode.Parse(Encoding.UTF8.GetString(target.Files["bods.json"].ToArray()))!.AsArray();
    }

    private static IEnumerable<JsonNode> Records(JsonArray statements, string type) =>
        statements.Where(s => s!["recordType"]?.GetValue<string>() == type).Select(s => s!);

    private static IEnumerable<JsonNode> Interests(JsonArray statements) =>
        Records(statements, "relationship").SelectMany(r => r["recordDetails"]!["interests"]?.AsArray() ?? []).Select(i => i!);

    private static IEnumerable<(string Party, string Subject, JsonNode Interest)> Relationships(JsonArray statements) =>
        Records(statements, "relationship")
            .Where(r => r["recordDetails"]!["interestedParty"] is not null && r["recordDetails"]!["subject"] is JsonValue)
            .SelectMany(r => (r["recordDetails"]!["interests"]?.AsArray() ?? []).Select(i =>
                (Party(r["recordDetails"]!["interestedParty"]!), r["recordDetails"]!["subject"]!.GetValue<string>(), i!)));

    /// <summary>A party's record id; an undisclosed one by the name the reader gives its placeholder person.</summary>
    private static string Party(JsonNode party) =>
        party is JsonValue ? party.GetValue<string>() : $"Unspecified interested party ({party["reason"]?.GetValue<string>() ?? "unknown"})";

    /// <summary>(party name, subject name, flag) for every interest that states beneficialOwnershipOrControl.</summary>
    private static HashSet<(string, string, bool)> Flags(JsonArray statements) =>
        [.. Relationships(statements).Where(r => r.Interest["beneficialOwnershipOrControl"] is JsonValue)
            .Select(r => (r.Party, r.Subject, r.Interest["beneficialOwnershipOrControl"]!.GetValue<bool>())).Select(Named(statements))];

    private static Func<(string Party, string Subject, bool Flag), (string, string, bool)> Named(JsonArray statements)
    {
        var names = Names(statements);
        return f => (names.GetValueOrDefault(f.Party, f.Party), names.GetValueOrDefault(f.Subject, f.Subject), f.Flag);
    }

    private static bool IsPerson(JsonArray statements, string recordId) =>
        Records(statements, "person").Any(p => p["recordId"]!.GetValue<string>() == recordId);

    private static List<(string Record, string Party, string Text, string? Type)> Addresses(JsonArray statements)
    {
        var names = Names(statements);
        return [.. statements.Where(s => s!["recordType"]?.GetValue<string>() is "person" or "entity")
            .SelectMany(s => (s!["recordDetails"]!["addresses"]?.AsArray() ?? []).Where(a => a!["address"] is JsonValue)
                .Select(a => (s["recordType"]!.GetValue<string>(), names[s["recordId"]!.GetValue<string>()], Folded(a!["address"]!.GetValue<string>()), a["type"]?.GetValue<string>())))];
    }

    /// <summary>The address types the BODS 0.4 schema allows on a person record and on an entity record (person-record.json, entity-record.json).</summary>
    private static string[] AllowedAddressTypes(string recordType) =>
        recordType == "person" ? ["residence", "service", "alternative"] : ["registered", "business", "alternative"];

    /// <summary>Entity identifiers with an id, in file order: (party name, id, scheme, schemeName), trimmed as the reader trims every text.</summary>
    private static List<(string Party, string Id, string? Scheme, string? SchemeName)> Identifiers(JsonArray statements)
    {
        var names = Names(statements);
        return [.. Records(statements, "entity")
            .SelectMany(s => (s["recordDetails"]!["identifiers"]?.AsArray() ?? []).Where(i => i!["id"] is JsonValue)
                .Select(i => (names[s["recordId"]!.GetValue<string>()], i!["id"]!.GetValue<string>().Trim(), i["scheme"]?.GetValue<string>().Trim(),
                    i["schemeName"]?.GetValue<string>().Trim())))];
    }

    /// <summary>Imports fold line breaks and tabs into a space (docs/INTERCHANGE.md).</summary>
    private static string Folded(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Record id → the name the graph gives the party (entity name; a person's legal or first full name).</summary>
    private static Dictionary<string, string> Names(JsonArray statements)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in statements.Where(s => s!["recordType"]?.GetValue<string>() is "person" or "entity").Select(s => s!))
        {
            var d = s["recordDetails"]!;
            var personNames = (d["names"]?.AsArray() ?? []).Where(n => n!["fullName"] is JsonValue).Select(n => n!).ToList();
            var name = d["name"]?.GetValue<string>()
                ?? personNames.FirstOrDefault(n => n["type"]?.GetValue<string>() is "legal" or "individual")?["fullName"]!.GetValue<string>()
                ?? personNames.FirstOrDefault()?["fullName"]!.GetValue<string>()
                ?? (d["personType"] ?? d["entityType"]?["type"])?.GetValue<string>() switch
                {
                    // The graph requires a name: the reader names the unnamed by their type.
                    "anonymousPerson" => "Anonymous person",
                    "anonymousEntity" => "Anonymous entity",
                    "unknownEntity" => "Unknown entity",
                    _ when s["recordType"]!.GetValue<string>() == "person" => "Unknown person",
                    _ => s["recordId"]!.GetValue<string>(),
                };
            names[s["recordId"]!.GetValue<string>()] = name.Trim();
        }
        return names;
    }
}

public sealed class SqliteBodsRoundTripTests(ITestOutputHelper output) : BodsRoundTripContract(StoreKind.Sqlite, output);

public sealed class PostgresBodsRoundTripTests(ITestOutputHelper output) : BodsRoundTripContract(StoreKind.Postgres, output);
