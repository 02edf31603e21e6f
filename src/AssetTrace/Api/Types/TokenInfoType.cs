using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class TokenInfoType : ObjectGraphType<TokenInfo>
{
    public TokenInfoType()
    {
        Name = "ApiToken";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<TokenKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("expiresAt").Resolve(c => c.Source.ExpiresAt);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
    }
}
