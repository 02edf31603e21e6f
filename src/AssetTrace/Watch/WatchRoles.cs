using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;

namespace AssetTrace.Watch;

/// <summary>
/// Who may do what with the watch (#15), for the GraphQL resolvers and the console alike: analysts and
/// supervisors read sources, runs and the leads of their cases (Commission members the leads on roster entries); analysts run sources and decide leads
/// (accepting writes nodes and edges, which supervisors do not create); admins pass every gate.
/// </summary>
public static class WatchRoles
{
    public static readonly Role[] Readers = [Role.Analyst, Role.Supervisor];

    public static readonly Role[] Operators = [Role.Analyst];

    /// <summary>
    /// Who may read leads: the readers, and Commission members for the leads that name a roster entry (#15), so
    /// that what the watch finds about a person on the roster reaches the Commission; always within the case's visibility.
    /// </summary>
    public static readonly Role[] LeadReaders = [Role.Analyst, Role.Supervisor, Role.Commission];

    /// <summary>Whether the viewer reads only the leads that name a roster entry (a Commission member who is not also a reader).</summary>
    public static bool ReadsRosterLeadsOnly(Viewer viewer) => !May(viewer, Readers);

    public static bool May(Viewer viewer, Role[] roles) => roles.Any(viewer.Has);

    /// <summary>Refuses, in the words of the API's refusal, what the viewer's roles do not allow (a hidden button is no gate).</summary>
    public static void Require(Viewer viewer, string action, Role[] roles)
    {
        if (!May(viewer, roles))
        {
            throw new ForbiddenException($"{action} needs the role {string.Join(" or ", roles.Select(Codes.Of))}; {viewer.Name} has {(viewer.Roles.Count == 0 ? "none" : string.Join(", ", viewer.Roles.Select(Codes.Of)))}.");
        }
    }
}
