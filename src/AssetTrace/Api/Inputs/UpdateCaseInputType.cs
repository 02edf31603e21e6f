using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class UpdateCaseInputType : InputObjectGraphType
{
    public UpdateCaseInputType()
    {
        Name = "UpdateCaseInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<IntGraphType>("expectedVersion");
        Field<StringGraphType>("title");
        Field<StringGraphType>("crimeType");
        Field<CaseStatusEnum>("status");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("team");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("supervisors");
    }
}
