using System.Collections.Frozen;

namespace AssetTrace.Interchange.Bods;

/// <summary>The BODS code lists the reader checks (0.4 names; 0.3 names that differ are added).</summary>
internal static class BodsCodes
{
    public static readonly FrozenSet<string> RecordTypes = Set("entity", "person", "relationship");
    public static readonly FrozenSet<string> RecordStatuses = Set("new", "updated", "closed");
    public static readonly FrozenSet<string> StatementTypes = Set("entityStatement", "personStatement", "ownershipOrControlStatement");
    public static readonly FrozenSet<string> EntityTypes = Set("registeredEntity", "legalEntity", "arrangement", "anonymousEntity", "unknownEntity", "state", "stateBody");
    public static readonly FrozenSet<string> PersonTypes = Set("knownPerson", "anonymousPerson", "unknownPerson");
    public static readonly FrozenSet<string> DirectOrIndirect = Set("direct", "indirect", "unknown");
    public static readonly FrozenSet<string> PepStatuses = Set("isPep", "isNotPep", "unknown");

    /// <summary>Address types of 0.4, with home of 0.2/0.3 (graph-schema/codelists/address-type.csv holds the same).</summary>
    public static readonly FrozenSet<string> AddressTypes = Set("placeOfBirth", "home", "residence", "registered", "service", "alternative", "business");

    /// <summary>The address types the 0.4 schema allows on a person record and on an entity record.</summary>
    public static readonly FrozenSet<string> PersonAddressTypes = Set("residence", "service", "alternative");
    public static readonly FrozenSet<string> EntityAddressTypes = Set("registered", "business", "alternative");

    /// <summary>entityType.subtype → the entityType.type it belongs to.</summary>
    public static readonly FrozenDictionary<string, string[]> Subtypes = new Dictionary<string, string[]>
    {
        ["governmentDepartment"] = ["stateBody"],
        ["stateAgency"] = ["stateBody"],
        ["trust"] = ["arrangement", "legalEntity"],
        ["nomination"] = ["arrangement"],
        ["other"] = ["stateBody", "arrangement", "legalEntity", "registeredEntity"],
    }.ToFrozenDictionary();

    public static readonly FrozenSet<string> InterestTypes = Set(
        "shareholding", "votingRights", "appointmentOfBoard", "otherInfluenceOrControl", "seniorManagingOfficial", "settlor", "trustee",
        "protector", "beneficiaryOfLegalArrangement", "rightsToSurplusAssetsOnDissolution", "rightsToProfitOrIncome", "rightsGrantedByContract",
        "conditionalRightsGrantedByContract", "controlViaCompanyRulesOrArticles", "controlByLegalFramework", "boardMember", "boardChair",
        "unknownInterest", "unpublishedInterest", "enjoymentAndUseOfAssets", "rightToProfitOrIncomeFromAssets", "nominee", "nominator",
        // 0.3 names
        "settlorOfTrust", "trusteeOfTrust", "protectorOfTrust", "beneficiaryOfTrust", "influenceOrControl");

    /// <summary>
    /// An interest type as 0.3 and 0.4 spell it. BODS 0.2 wrote the codes hyphenated (voting-rights,
    /// appointment-of-board, settlor-of-trust), as registers publishing 0.2 still do (#12); two were renamed since.
    /// </summary>
    public static string? InterestType(string? code) => code is null || !code.Contains('-') ? code : code switch
    {
        "rights-to-surplus-assets" => "rightsToSurplusAssetsOnDissolution",
        "other-influence-or-control-of-trust" => "otherInfluenceOrControl",
        _ => string.Concat(code.Split('-').Select((word, i) => i == 0 || word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..])),
    };

    private static FrozenSet<string> Set(params string[] codes) => codes.ToFrozenSet(StringComparer.Ordinal);
}
