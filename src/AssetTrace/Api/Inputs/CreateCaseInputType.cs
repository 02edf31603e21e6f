using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class CreateCaseInputType : InputObjectGraphType
{
    public CreateCaseInputType()
    {
        Name = "CreateCaseInput";
        Field<NonNullGraphType<StringGraphType>>("number").Description("The office's case number, unique.");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<StringGraphType>>("crimeType").Description("Code from graph-schema/codelists/crime-type.csv.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("team").Description("Usernames of those working the case; you are added when you are not in it or in supervisors.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("supervisors").Description("Usernames of the supervisors named on the case: they see its restricted facts.");
        Field<DateOnlyGraphType>("openedOn").Description("Today when omitted.");
    }
}
