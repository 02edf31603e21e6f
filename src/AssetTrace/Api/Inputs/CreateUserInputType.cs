using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class CreateUserInputType : InputObjectGraphType
{
    public CreateUserInputType()
    {
        Name = "CreateUserInput";
        Field<NonNullGraphType<StringGraphType>>("username");
        Field<StringGraphType>("displayName");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles");
        Field<NonNullGraphType<StringGraphType>>("password").Description("At least 12 characters; one-time: the user chooses their own at the first sign-in.");
    }
}
