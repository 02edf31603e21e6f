using AssetTrace.Recovery.Assistant;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Recovery;

public sealed class PlaybookProblemType : ObjectGraphType<PlaybookProblem>
{
    public PlaybookProblemType()
    {
        Name = "PlaybookProblem";
        Field<NonNullGraphType<StringGraphType>>("file").Resolve(c => c.Source.File);
        Field<NonNullGraphType<IntGraphType>>("line").Resolve(c => c.Source.Line);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}
