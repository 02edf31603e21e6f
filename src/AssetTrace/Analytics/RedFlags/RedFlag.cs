namespace AssetTrace.Analytics.RedFlags;

public enum RedFlagKind
{
    SecrecyJurisdiction,
    CircularOwnership,
    NomineeDirector,
    NomineeArrangement,
    MassRegistrationAddress,
    LongChain,
    TransferBeforeCase,
}

/// <summary>A pattern worth an analyst's attention, with the nodes and edges that show it.</summary>
public sealed record RedFlag(RedFlagKind Kind, string Description, IReadOnlyList<string> NodeIds, IReadOnlyList<string> EdgeIds);
