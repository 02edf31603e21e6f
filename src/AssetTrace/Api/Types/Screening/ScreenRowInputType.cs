using GraphQL.Types;

namespace AssetTrace.Api.Types.Screening;

public sealed class ScreenRowInputType : InputObjectGraphType
{
    public ScreenRowInputType()
    {
        Name = "ScreenRowInput";
        Description = "A name to screen, and what may support or contradict a match of it.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("In any script or romanisation; at most 300 characters.");
        Field<StringGraphType>("birthDate").Description("YYYY-MM-DD, YYYY-MM or YYYY.");
        Field<StringGraphType>("country").Description("ISO 3166-1 alpha-2: nationality, jurisdiction or flag.");
        Field<StringGraphType>("identifier").Description("IIN/BIN, registration number, passport or IMO number: matched exactly once spaces and punctuation are left out.");
    }
}
