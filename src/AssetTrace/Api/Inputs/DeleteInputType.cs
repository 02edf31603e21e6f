using GraphQL.Types;

namespace AssetTrace.Api.Inputs;

public sealed class DeleteInputType : InputObjectGraphType
{
    public DeleteInputType()
    {
        Name = "DeleteInput";
        Description = "Deleting keeps every earlier version; a deleted node takes its edges with it.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<IntGraphType>("expectedVersion");
    }
}
