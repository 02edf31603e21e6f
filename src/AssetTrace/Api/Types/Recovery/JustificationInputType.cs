using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class JustificationInputType : InputObjectGraphType
{
    public JustificationInputType()
    {
        Name = "JustificationInput";
        Field<NonNullGraphType<JustificationKindEnum>>("kind");
        Field<NonNullGraphType<StringGraphType>>("reference").Description("Document or decision number; for REQUEST, the request's id.");
    }
}
