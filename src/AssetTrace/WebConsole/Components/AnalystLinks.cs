namespace AssetTrace.WebConsole.Components;

/// <summary>The addresses of the analyst's pages about an entity (#13); pages add their as-of date with ConsolePage.Carry.</summary>
public static class AnalystLinks
{
    public static string Holdings(string id) => "/holdings/" + Uri.EscapeDataString(id);

    public static string Timeline(string id) => "/timeline/" + Uri.EscapeDataString(id);

    public static string Paths(string? from, string? to)
    {
        var query = new List<string>();
        if (from is not null)
        {
            query.Add("from=" + Uri.EscapeDataString(from));
        }
        if (to is not null)
        {
            query.Add("to=" + Uri.EscapeDataString(to));
        }
        return "/paths" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public static string Dossier(string id) => global::AssetTrace.WebConsole.Dossier.DossierEndpoint.Link(id);
}
