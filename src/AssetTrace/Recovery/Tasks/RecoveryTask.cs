using AssetTrace.Recovery.Assistant;

namespace AssetTrace.Recovery.Tasks;

/// <summary>
/// A task of a case: an accepted recommendation that drafts no request (a connected-person analysis,
/// a reminder to send), with its texts as accepted, and who did it, when, with what note.
/// </summary>
public sealed record RecoveryTask(
    string Id, string CaseId, string RecommendationKey, LocalText Title, LocalText Why, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? DoneAt, string? DoneBy, string? DoneNote, int Version)
{
    public bool Done => DoneAt is not null;
}
