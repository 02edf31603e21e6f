using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;

namespace AssetTrace.Roster;

/// <summary>
/// Who may do what on the roster (#16). The authorised body is the supervisor role: it proposes,
/// notifies, records declarations, evaluations, court steps and returns, and asks for exclusions.
/// Commission members decide on inclusion (recording the vote) and approve exclusions, never on
/// what they proposed or asked for themselves. Analysts read. Admins hold every role, so an admin
/// is still held to four eyes.
/// </summary>
public static class RosterRoles
{
    public static readonly Role[] Read = [Role.Analyst, Role.Commission, Role.Supervisor];

    public static readonly Role[] AuthorisedBody = [Role.Supervisor];

    public static readonly Role[] Commission = [Role.Commission];

    public static void Require(Viewer viewer, string action, Role[] allowed)
    {
        if (!allowed.Any(viewer.Has))
        {
            throw new ForbiddenException(
                $"{action} needs the role {string.Join(" or ", allowed.Select(Codes.Of))}; {viewer.Name} has {(viewer.Roles.Count == 0 ? "none" : string.Join(", ", viewer.Roles.Select(Codes.Of)))}.");
        }
    }

    public static bool May(Viewer viewer, Role[] allowed) => allowed.Any(viewer.Has);
}
