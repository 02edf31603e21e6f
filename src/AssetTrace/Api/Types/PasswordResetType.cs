using AssetTrace.Accounts;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class PasswordResetType : ObjectGraphType<PasswordReset>
{
    public PasswordResetType()
    {
        Name = "PasswordReset";
        Description = "Give the one-time password to the user by a safe channel: it is shown only in this answer.";
        Field<NonNullGraphType<UserType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("oneTimePassword")
            .Description("Serves only to choose a new password at the next sign-in (POST /auth/password).").Resolve(c => c.Source.OneTimePassword);
    }
}
