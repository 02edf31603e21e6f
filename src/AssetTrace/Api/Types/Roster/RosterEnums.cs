using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Roster;

public sealed class RosterStageEnum : EnumerationGraphType<RosterStage>
{
    public RosterStageEnum()
    {
        Description = "Where a roster entry stands: PROPOSED, REJECTED or INCLUDED by the Commission, NOTIFIED, UNDER_EVALUATION, COURT_APPLICATION and the court's stages, EXCLUDED or CLOSED.";
    }
}

public sealed class AssetVerdictEnum : EnumerationGraphType<AssetVerdict>
{
    public AssetVerdictEnum()
    {
        Description = "Whether the subject proved the lawful origin of an asset.";
    }
}
