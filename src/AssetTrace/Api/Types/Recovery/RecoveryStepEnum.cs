using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecoveryStepEnum : EnumerationGraphType<RecoveryStep>
{
    public RecoveryStepEnum() => Description = "A step of recovery: identified → traced → link established → frozen or seized → confiscated → returned (or released).";
}
