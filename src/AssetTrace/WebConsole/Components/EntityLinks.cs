namespace AssetTrace.WebConsole.Components;

/// <summary>The addresses of the console's pages about one entity, in one place.</summary>
public static class EntityLinks
{
    public static string Entity(string id) => "/entities/" + Uri.EscapeDataString(id);

    public static string Network(string id) => "/network/" + Uri.EscapeDataString(id);

    public static string Owners(string id) => "/owners/" + Uri.EscapeDataString(id);
}
