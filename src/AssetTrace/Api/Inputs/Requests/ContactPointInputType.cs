using GraphQL.Types;

namespace AssetTrace.Api.Inputs.Requests;

public sealed class ContactPointInputType : InputObjectGraphType
{
    public ContactPointInputType()
    {
        Name = "ContactPointInput";
        Field<IdGraphType>("id").Description("Changes that contact point; a new one when omitted.");
        Field<NonNullGraphType<StringGraphType>>("network");
        Field<NonNullGraphType<StringGraphType>>("jurisdiction");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages");
        Field<NonNullGraphType<StringGraphType>>("timeZone");
        Field<IntGraphType>("usualResponseDays");
        Field<BooleanGraphType>("active");
    }
}
