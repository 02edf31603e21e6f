using System.Data.Common;
using AssetTrace.Visibility;

namespace AssetTrace.Requests.Lifecycle;

/// <summary>
/// A move of a request to another status, and everything that goes with it. The store reads the
/// request once, inside the move's transaction, and checks there that <see cref="By"/> may see it,
/// that <see cref="RequestTransitions"/> allow the move and that <see cref="ExpectedVersion"/> holds.
/// </summary>
/// <param name="To">The status the request moves to.</param>
/// <param name="By">Who moves it: recorded as the actor, and the request must be one they may see.</param>
public sealed record RequestMove(RequestStatus To, Viewer By)
{
    /// <summary>What the timeline and the audit log say about the move (a note, a reason, a message id).</summary>
    public string? Detail { get; init; }

    /// <summary>The version the caller read; another one means someone changed it since (<see cref="Common.ConflictException"/>).</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>What else changes with the status (dates, who approved), applied to the request as read.</summary>
    public Func<NetworkRequest, NetworkRequest>? Change { get; init; }

    /// <summary>Runs inside the move's transaction after the request is written (queue the mail, …).</summary>
    public Func<DbConnection, DbTransaction, NetworkRequest, Task>? AlsoInTransaction { get; init; }
}
