namespace AssetTrace.Matching;

/// <summary>
/// Company legal forms in both scripts, each with the code of the form it names, so that
/// "ТОО" and "LLP" agree and "АО" and "JSC" do. They say little about which company is meant,
/// so the matcher sets them aside and weighs them lightly (#14).
/// </summary>
public static class LegalForms
{
    // Written without dots and spaces, lower-case: "S.A." is "sa", "Sp. z o.o." is "spzoo".
    private static readonly Dictionary<string, string> Forms = new(StringComparer.Ordinal)
    {
        // Limited liability partnership (Kazakhstan) and company.
        ["тоо"] = "llp", ["llp"] = "llp", ["too"] = "llp", ["жшс"] = "llp", ["jshs"] = "llp",
        ["ооо"] = "llc", ["llc"] = "llc", ["ooo"] = "llc", ["ltd"] = "llc", ["limited"] = "llc", ["gmbh"] = "llc",
        ["sarl"] = "llc", ["srl"] = "llc", ["fze"] = "llc", ["fzco"] = "llc", ["fzllc"] = "llc", ["dmcc"] = "llc",
        ["pte"] = "llc", ["pty"] = "llc", ["ou"] = "llc", ["sia"] = "llc", ["uab"] = "llc", ["aps"] = "llc", ["oy"] = "llc", ["sro"] = "llc", ["sderl"] = "llc", ["ptyltd"] = "llc", ["pteltd"] = "llc", ["bv"] = "llc", ["spzoo"] = "llc", ["kft"] = "llc", ["ltda"] = "llc",
        // Joint-stock companies.
        ["ао"] = "jsc", ["ao"] = "jsc", ["jsc"] = "jsc", ["ак"] = "jsc", ["оао"] = "jsc", ["зао"] = "jsc", ["пао"] = "jsc",
        ["ojsc"] = "jsc", ["cjsc"] = "jsc", ["pjsc"] = "jsc", ["ag"] = "jsc", ["sa"] = "jsc", ["nv"] = "jsc",
        ["plc"] = "jsc", ["inc"] = "jsc", ["corp"] = "jsc", ["corporation"] = "jsc", ["incorporated"] = "jsc", ["spa"] = "jsc",
        ["as"] = "jsc", ["ab"] = "jsc", ["oao"] = "jsc", ["zao"] = "jsc", ["pao"] = "jsc",
        // Partnerships, sole traders, foundations and trusts.
        ["lp"] = "lp", ["kg"] = "lp", ["ип"] = "sole", ["ie"] = "sole",
        ["фонд"] = "foundation", ["foundation"] = "foundation", ["stiftung"] = "foundation",
        ["trust"] = "trust", ["co"] = "co", ["company"] = "co",
    };

    /// <summary>The code of the legal form a word names (lower-case, dots removed), or null.</summary>
    public static string? Of(string word) => Forms.TryGetValue(word, out var code) ? code : null;
}
