using AssetTrace.Accounts;
using GraphQL.Types;

namespace AssetTrace.Api.Enums;

public sealed class TokenKindEnum : EnumerationGraphType<TokenKind>
{
    public TokenKindEnum()
    {
        Description = "Session tokens come from signing in; API tokens are for scripts.";
    }
}
