using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Interchange;

/// <summary>
/// Who may import and export in the console: analysts (and admins), as the API's importFile decides.
/// An export has no API field; on the command line it is the shell's operator's. The console gives it to
/// the same analysts, under their own viewer, so they export only what they may see.
/// </summary>
public static class InterchangeRoles
{
    public static bool May(Viewer viewer) => viewer.Has(Role.Analyst);

    public static void Require(Viewer viewer, string action)
    {
        if (!May(viewer))
        {
            throw new ForbiddenException($"{action} needs the role {Codes.Of(Role.Analyst)}; {viewer.Name} has {string.Join(", ", viewer.Roles.Select(Codes.Of))}.");
        }
    }
}
