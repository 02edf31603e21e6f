using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Visibility;

namespace AssetTrace.WebConsole.Components.Pages.Requests;

/// <summary>
/// What the console's request pages change, each through the same <see cref="RequestDesk"/> and
/// <see cref="HoldingPen"/> call as the GraphQL mutation, behind the same role gate
/// (<see cref="DeskRoles"/>): the desk checks visibility, four eyes, the checklist and the
/// status; the gate checks the role, as the resolver does.
/// </summary>
public sealed class RequestActions(RequestDesk desk, HoldingPen pen)
{
    public Task<NetworkRequest> DraftAsync(RequestDraftInput input, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Draft, () => desk.DraftAsync(input, viewer, ct));

    public Task<NetworkRequest> UpdateDraftAsync(string id, RequestBody body, Urgency urgency, int expectedVersion, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Edit, () => desk.UpdateDraftAsync(id, body, urgency, expectedVersion, viewer, ct));

    public Task<NetworkRequest> ApproveAsync(string id, int expectedVersion, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Approve, () => desk.ApproveAsync(id, expectedVersion, viewer, ct));

    public Task<NetworkRequest> SendAsync(string id, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Send, () => desk.SendAsync(id, viewer, ct));

    public Task<NetworkRequest> AcknowledgeAsync(string id, string? note, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Acknowledge, () => desk.AcknowledgeAsync(id, viewer, Blank(note), ct));

    /// <summary>An answer recorded from the console carries a note; the facts it establishes are entered on the entity pages or through the API.</summary>
    public Task<NetworkRequest> RecordAnswerAsync(string id, bool complete, string? note, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, complete ? DeskAction.AnswerFully : DeskAction.AnswerPartly, () => desk.RecordAnswerAsync(id, complete, Blank(note), [], [], viewer, ct));

    public Task<NetworkRequest> CloseAsync(string id, string? note, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Close, () => desk.CloseAsync(id, viewer, Blank(note), ct));

    public Task<NetworkRequest> WithdrawAsync(string id, string reason, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.Withdraw, () => desk.WithdrawAsync(id, viewer, reason, ct));

    public Task<ThreadedMail> AssignMailAsync(long inboundId, string requestId, Viewer viewer, CancellationToken ct) =>
        Gate(viewer, DeskAction.AssignMail, () => pen.AssignAsync(inboundId, requestId, viewer, ct));

    private static Task<T> Gate<T>(Viewer viewer, DeskAction action, Func<Task<T>> change)
    {
        DeskRoles.Require(viewer, action);
        return change();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
