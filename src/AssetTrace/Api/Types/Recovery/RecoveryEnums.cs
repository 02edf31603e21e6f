using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecoveryStepEnum : EnumerationGraphType<RecoveryStep>
{
    public RecoveryStepEnum() => Description = "A step of recovery: identified → traced → link established → frozen or seized → confiscated → returned (or released).";
}

public sealed class DiscoveryChannelEnum : EnumerationGraphType<DiscoveryChannel>
{
    public DiscoveryChannelEnum() => Description = "The channel through which an asset was found.";
}

public sealed class JustificationKindEnum : EnumerationGraphType<JustificationKind>
{
    public JustificationKindEnum() => Description = "What a move rests on.";
}

public sealed class ActionDraftEnum : EnumerationGraphType<ActionDraft>
{
    public ActionDraftEnum() => Description = "What accepting a recommendation makes: a draft request, the formal MLA request after an informal one, or a task.";
}

public sealed class RecommendationStatusEnum : EnumerationGraphType<RecommendationStatus>
{
    public RecommendationStatusEnum() => Description = "Whether a recommendation is open, accepted or dismissed.";
}
