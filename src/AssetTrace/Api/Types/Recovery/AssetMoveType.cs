using AssetTrace.Recovery.Steps;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class AssetMoveType : ObjectGraphType<AssetMove>
{
    public AssetMoveType()
    {
        Name = "AssetMove";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IntGraphType>>("seq").Resolve(c => c.Source.Seq);
        Field<RecoveryStepEnum>("step").Description("Null for a correction.").Resolve(c => c.Source.Step);
        Field<NonNullGraphType<DateOnlyGraphType>>("onDate").Resolve(c => c.Source.OnDate);
        Field<DecimalGraphType>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JustificationType>>>>("justifications").Resolve(c => c.Source.Justifications);
        Field<StringGraphType>("unrestrainedReason").Description("Why it was confiscated without a freeze, when it was.").Resolve(c => c.Source.UnrestrainedReason);
        Field<IdGraphType>("corrects").Description("The move this correction reverses.").Resolve(c => c.Source.Corrects);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Resolve(c => c.Source.RecordedBy);
    }
}
