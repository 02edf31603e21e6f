using AssetTrace.Recovery.Figures;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class FigureRowType : ObjectGraphType<FigureRow>
{
    public FigureRowType()
    {
        Name = "FigureRow";
        Field<NonNullGraphType<RecoveryStepEnum>>("step").Resolve(c => c.Source.Step);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(c => c.Source.Country);
        Field<NonNullGraphType<StringGraphType>>("crimeType").Resolve(c => c.Source.CrimeType);
        Field<NonNullGraphType<DiscoveryChannelEnum>>("channel").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<IntGraphType>>("assets").Resolve(c => c.Source.Assets);
        Field<NonNullGraphType<DecimalGraphType>>("valueUsd").Resolve(c => c.Source.ValueUsd);
        Field<NonNullGraphType<IntGraphType>>("unvalued").Description("Moves without a value or a rate for their currency.").Resolve(c => c.Source.Unvalued);
        Field<NonNullGraphType<IntGraphType>>("restricted").Resolve(c => c.Source.Restricted);
    }
}
