using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Graph.Model;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(c => c.Source.Username);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Resolve(c => c.Source.CreatedBy);
        Field<NonNullGraphType<BooleanGraphType>>("disabled").Resolve(c => c.Source.Disabled);
        Field<NonNullGraphType<BooleanGraphType>>("passwordChangeRequired")
            .Description("The password is one-time (first run, set or reset by an admin): it serves only to choose a new one.")
            .Resolve(c => c.Source.PasswordChangeRequired);
        // Only the user themself and admins read an address (#15); anyone else gets null, as for none set.
        Field<StringGraphType>("email").Description("Where the office's notices (new leads on your cases) are sent; yours, or anyone's for admins.")
            .Resolve(c => c.User?.Identity?.Name == c.Source.Username || c.User?.IsInRole(Codes.Of(Role.Admin)) == true ? c.Source.Email : null);
    }
}
