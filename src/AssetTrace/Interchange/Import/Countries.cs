using System.Collections.Frozen;
using System.Globalization;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Country names and ISO alpha-3 codes to the alpha-2 codes of the model: ICIJ writes "VGB;CYP",
/// the UN list writes "Democratic Republic of the Congo".
/// </summary>
public static class Countries
{
    private static readonly FrozenDictionary<string, string> ByKey = Build();

    public static string? ToAlpha2(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var key = value.Trim().ToUpperInvariant();
        return key.Length == 2 && key.All(char.IsAsciiLetterUpper) ? key : ByKey.GetValueOrDefault(key);
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            if (region.TwoLetterISORegionName.Length != 2)
            {
                continue;
            }
            map.TryAdd(region.ThreeLetterISORegionName.ToUpperInvariant(), region.TwoLetterISORegionName);
            map.TryAdd(region.EnglishName.ToUpperInvariant(), region.TwoLetterISORegionName);
        }
        // Territories without a culture of their own, and the names the UN and ICIJ use.
        (string, string)[] extra =
        [
            ("VGB", "VG"), ("BRITISH VIRGIN ISLANDS", "VG"), ("CYM", "KY"), ("CAYMAN ISLANDS", "KY"), ("BMU", "BM"), ("BERMUDA", "BM"),
            ("JEY", "JE"), ("JERSEY", "JE"), ("GGY", "GG"), ("GUERNSEY", "GG"), ("IMN", "IM"), ("ISLE OF MAN", "IM"), ("GIB", "GI"),
            ("TCA", "TC"), ("AIA", "AI"), ("ANGUILLA", "AI"), ("MSR", "MS"), ("KNA", "KN"), ("VCT", "VC"), ("LCA", "LC"), ("ATG", "AG"),
            ("BHS", "BS"), ("BAHAMAS", "BS"), ("BLZ", "BZ"), ("BELIZE", "BZ"), ("SYC", "SC"), ("SEYCHELLES", "SC"), ("MHL", "MH"),
            ("MARSHALL ISLANDS", "MH"), ("WSM", "WS"), ("SAMOA", "WS"), ("VUT", "VU"), ("COK", "CK"), ("COOK ISLANDS", "CK"), ("NIU", "NU"),
            ("NIUE", "NU"), ("LBR", "LR"), ("LIBERIA", "LR"), ("PAN", "PA"), ("PANAMA", "PA"), ("XKX", "XK"), ("KOSOVO", "XK"),
            ("DEMOCRATIC REPUBLIC OF THE CONGO", "CD"), ("CONGO (DRC)", "CD"), ("RUSSIAN FEDERATION", "RU"), ("IRAN (ISLAMIC REPUBLIC OF)", "IR"),
            ("SYRIAN ARAB REPUBLIC", "SY"), ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "KP"), ("REPUBLIC OF KOREA", "KR"), ("VIET NAM", "VN"),
            ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GB"), ("UNITED STATES OF AMERICA", "US"), ("LIBYA", "LY"),
            ("UNITED REPUBLIC OF TANZANIA", "TZ"), ("HONG KONG", "HK"), ("MACAO", "MO"), ("TAIWAN", "TW"), ("SOUTH SUDAN", "SS"),
            // ICIJ jurisdiction codes that are not ISO codes.
            ("BVI", "VG"), ("SAM", "WS"), ("PMA", "PA"), ("SEY", "SC"), ("BAH", "BS"), ("NEV", "KN"), ("CAYMN", "KY"), ("ANG", "AI"),
            ("HK", "HK"), ("MLT", "MT"), ("CYP", "CY"), ("LABUA", "MY"), ("USDE", "US"), ("UK", "GB"),
        ];
        foreach (var (key, code) in extra)
        {
            map[key] = code;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
