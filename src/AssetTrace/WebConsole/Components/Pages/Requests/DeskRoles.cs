using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>What a user may do at the request desk.</summary>
public enum DeskAction
{
    Read,
    Draft,
    Edit,
    Approve,
    Send,
    Acknowledge,
    AnswerPartly,
    AnswerFully,
    Close,
    Withdraw,
    AssignMail,
}

/// <summary>
/// The request desk's role gates in the console (#13), the same as the GraphQL resolvers'
/// (Api/RequestFields): officers and supervisors read, officers draft, send and record, supervisors
/// approve, either withdraws; admins pass every gate. <see cref="Offered"/> decides which buttons a
/// page shows; <see cref="Require"/> is checked again when one is used (a hidden button is no gate).
/// </summary>
public static class DeskRoles
{
    private static readonly Dictionary<DeskAction, Role[]> Allowed = new()
    {
        [DeskAction.Read] = [Role.Officer, Role.Supervisor],
        [DeskAction.Draft] = [Role.Officer],
        [DeskAction.Edit] = [Role.Officer],
        [DeskAction.Approve] = [Role.Supervisor],
        [DeskAction.Send] = [Role.Officer],
        [DeskAction.Acknowledge] = [Role.Officer],
        [DeskAction.AnswerPartly] = [Role.Officer],
        [DeskAction.AnswerFully] = [Role.Officer],
        [DeskAction.Close] = [Role.Officer],
        [DeskAction.Withdraw] = [Role.Officer, Role.Supervisor],
        [DeskAction.AssignMail] = [Role.Officer],
    };

    /// <summary>The statuses from which each action on a request applies (Requests/Lifecycle/RequestTransitions).</summary>
    private static readonly Dictionary<DeskAction, RequestStatus[]> From = new()
    {
        [DeskAction.Edit] = [RequestStatus.Draft],
        [DeskAction.Approve] = [RequestStatus.Draft],
        [DeskAction.Send] = [RequestStatus.Approved],
        [DeskAction.Acknowledge] = [RequestStatus.Sent],
        [DeskAction.AnswerPartly] = [RequestStatus.Sent, RequestStatus.Acknowledged],
        [DeskAction.AnswerFully] = [RequestStatus.Sent, RequestStatus.Acknowledged, RequestStatus.PartlyAnswered],
        [DeskAction.Close] = [RequestStatus.PartlyAnswered, RequestStatus.Answered],
        [DeskAction.Withdraw] = [RequestStatus.Draft, RequestStatus.Approved, RequestStatus.Sent, RequestStatus.Acknowledged, RequestStatus.PartlyAnswered, RequestStatus.DeliveryFailed],
    };

    public static bool May(Viewer viewer, DeskAction action) => Allowed[action].Any(viewer.Has);

    /// <summary>Refuses an action the viewer's roles do not allow, in the words of the API's refusal.</summary>
    public static void Require(Viewer viewer, DeskAction action)
    {
        if (!May(viewer, action))
        {
            throw new ForbiddenException(
                $"{action} at the request desk needs the role {string.Join(" or ", Allowed[action].Select(Codes.Of))}; {viewer.Name} has {(viewer.Roles.Count == 0 ? "none" : string.Join(", ", viewer.Roles.Select(Codes.Of)))}.");
        }
    }

    /// <summary>
    /// The actions on this request the page offers the viewer: allowed by role, possible from its
    /// status, and approval only to a supervisor who wrote no version of it (four eyes; the desk checks again).
    /// </summary>
    /// <param name="authors">Who created or edited the request (its timeline's created and edited events).</param>
    public static IReadOnlyList<DeskAction> Offered(NetworkRequest request, Viewer viewer, IEnumerable<string> authors) =>
        [.. From.Where(f => f.Value.Contains(request.Progress.Status) && May(viewer, f.Key))
            .Select(f => f.Key)
            .Where(a => a != DeskAction.Approve || !authors.Contains(viewer.Name, StringComparer.Ordinal))];

    /// <summary>Who wrote a version of the request: its author and everyone who edited it.</summary>
    public static IEnumerable<string> Authors(NetworkRequest request, IEnumerable<RequestEvent> events) =>
        events.Where(e => e.Event is "created" or "edited").Select(e => e.Actor).Append(request.Stamp.CreatedBy).Distinct(StringComparer.Ordinal);
}
