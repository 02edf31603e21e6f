using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class ActionDraftEnum : EnumerationGraphType<ActionDraft>
{
    public ActionDraftEnum() => Description = "What accepting a recommendation makes: a draft request, the formal MLA request after an informal one, or a task.";
}
