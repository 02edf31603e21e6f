using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class IssuedTokenType : ObjectGraphType<IssuedToken>
{
    public IssuedTokenType()
    {
        Name = "IssuedToken";
        Description = "A new token. The secret is shown only in this answer: store it now.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("secret").Description("Send as 'Authorization: Bearer <secret>'.").Resolve(c => c.Source.Secret);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<TokenKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<DateTimeOffsetGraphType>("expiresAt").Resolve(c => c.Source.ExpiresAt);
    }
}
