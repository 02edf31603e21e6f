using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Store;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Interchange;

/// <summary>
/// What the demo case lacks for a round trip that checks every value: a node of each asset kind it has none of
/// (aircraft, vehicle, securities, crypto wallet), each with a value; a trust with a year of founding and a
/// dissolution date; a share range; voting share and nominee flags; associates, intermediaries, an in-law, a
/// dated transfer; and validity on edges of each kind. Names and numbers are invented.
/// </summary>
public static class RoundTripExtras
{
    private static readonly ProvenanceDraft Registry = new(SourceKind.OfficialRegistry, "round-trip test register", new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), UsageRestriction.Evidence);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static NodeDraft Node(string id, NodeKind kind, string properties) => new(kind, Json(properties), Registry, Id: id);

    private static EdgeDraft Edge(string id, EdgeKind kind, string from, string to, string properties = "{}", DateOnly? validFrom = null, DateOnly? validTo = null) =>
        new(kind, from, to, Json(properties), Registry, validFrom, validTo, id);

    public static async Task AddAsync(GraphStore store, CancellationToken ct)
    {
        NodeDraft[] nodes =
        [
            Node("rt-dana", NodeKind.Person, """{"name": "Dana Rakhimova", "alternateNames": ["Дана Рахимова"], "birthDate": "1974-03", "nationality": "KZ", "personalId": "740301400555", "position": "Consultant", "politicallyExposed": true}"""),
            Node("rt-trust", NodeKind.Company, """{"name": "Saryarka Family Trust", "legalForm": "trust", "jurisdiction": "CY", "registrationNumber": "HE 123456", "incorporationDate": "2001", "dissolutionDate": "2019-06-30"}"""),
            Node("rt-agent", NodeKind.Company, """{"name": "Larnaca Corporate Services Ltd", "legalForm": "company", "jurisdiction": "CY", "registrationNumber": "HE 654321", "incorporationDate": "1998-05-12"}"""),
            Node("rt-office", NodeKind.Address, """{"name": "12 Archbishop Makarios Avenue, Nicosia 1065", "country": "CY", "city": "Nicosia", "postalCode": "1065"}"""),
            Node("rt-jet", NodeKind.Aircraft, """{"name": "Gulfstream G650 M-SARY", "registrationMark": "M-SARY", "serialNumber": "6123", "country": "IM", "value": 45000000, "valueCurrency": "USD", "valueDate": "2025-06-30"}"""),
            Node("rt-car", NodeKind.Vehicle, """{"name": "Bentley Mulsanne LD21 XYZ", "registrationNumber": "LD21 XYZ", "vin": "SCBBA63Y0LC012345", "country": "GB", "value": 210000.5, "valueCurrency": "GBP", "valueDate": "2025-01-31"}"""),
            Node("rt-bonds", NodeKind.Securities, """{"name": "Kaz Energy 2030 bonds", "isin": "KZ2C00001234", "issuer": "Kaz Energy JSC", "value": 3000000, "valueCurrency": "EUR", "valueDate": "2025-12-31"}"""),
            Node("rt-wallet", NodeKind.CryptoWallet, """{"name": "Cold wallet bc1qxy2k", "publicKey": "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "currencySymbol": "BTC", "value": 1250000, "valueCurrency": "USD", "valueDate": "2026-01-02"}"""),
        ];
        EdgeDraft[] edges =
        [
            Edge("rt-e-dana-bo-trust", EdgeKind.BeneficialOwnerOf, "rt-dana", "rt-trust", """{"shareMin": 25, "shareMax": 50}""", new DateOnly(2015, 1, 1)),
            Edge("rt-e-trust-owns-jet", EdgeKind.Owns, "rt-trust", "rt-jet", """{"share": 100}""", new DateOnly(2016, 2, 1), new DateOnly(2024, 12, 31)),
            Edge("rt-e-dana-owns-car", EdgeKind.Owns, "rt-dana", "rt-car", """{"share": 50.5}"""),
            Edge("rt-e-trust-bonds", EdgeKind.HoldsAccount, "rt-trust", "rt-bonds", """{"role": "custody"}""", new DateOnly(2020, 3, 1)),
            Edge("rt-e-dana-wallet", EdgeKind.HoldsAccount, "rt-dana", "rt-wallet", "{}", new DateOnly(2021, 7, 1)),
            Edge("rt-e-agent-controls-trust", EdgeKind.Controls, "rt-agent", "rt-trust", """{"role": "protector", "votingShare": 40, "nominee": true}""", new DateOnly(2017, 1, 1)),
            Edge("rt-e-agent-director", EdgeKind.DirectorOf, "rt-agent", "rt-trust", """{"role": "corporate director", "nominee": true}""", new DateOnly(2017, 1, 1), new DateOnly(2022, 6, 30)),
            Edge("rt-e-agent-intermediary", EdgeKind.IntermediaryOf, "rt-agent", "rt-trust", "{}", new DateOnly(2001, 4, 1)),
            Edge("rt-e-agent-nominee", EdgeKind.NomineeFor, "rt-agent", "rt-dana", "{}", new DateOnly(2017, 1, 1)),
            Edge("rt-e-dana-associate", EdgeKind.AssociateOf, "rt-dana", "demo-serik-akhmetov", """{"relationship": "business partner"}""", new DateOnly(2012, 9, 1)),
            Edge("rt-e-dana-in-law", EdgeKind.FamilyOf, "rt-dana", "demo-serik-akhmetov", """{"relationship": "in_law"}"""),
            Edge("rt-e-dana-pays-trust", EdgeKind.TransferredTo, "rt-dana", "rt-trust", """{"amount": 750000, "currency": "EUR", "date": "2024-02-01", "reference": "capital contribution"}""", new DateOnly(2024, 2, 1)),
            Edge("rt-e-trust-office", EdgeKind.RegisteredAt, "rt-trust", "rt-office"),
            Edge("rt-e-agent-office", EdgeKind.RegisteredAt, "rt-agent", "rt-office"),
        ];
        await store.CreateManyAsync(nodes, edges, Viewer.System("test"), null, ct);
    }
}
