using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class RecordMoveInputType : InputObjectGraphType
{
    public RecordMoveInputType()
    {
        Name = "RecordMoveInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<IdGraphType>>("nodeId");
        Field<NonNullGraphType<RecoveryStepEnum>>("step");
        Field<NonNullGraphType<DateOnlyGraphType>>("onDate");
        Field<DecimalGraphType>("value").Description("The asset's value on that date, with currency.");
        Field<StringGraphType>("currency");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JustificationInputType>>>>("justifications");
        Field<DiscoveryChannelEnum>("channel").Description("How it was found; required for IDENTIFIED.");
        Field<StringGraphType>("unrestrainedReason").Description("Confiscated without a freeze or covering decision: why.");
        Field<StringGraphType>("note");
        Field<IntGraphType>("expectedVersion").Description("The asset's version you saw; a move made meanwhile makes this one a conflict.");
    }
}
