using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Inputs;
using AssetTrace.Api.Types;
using AssetTrace.Common;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// Accounts (#11): everyone signed in sees themselves, changes their own password and manages their
/// own API tokens; admins create users, change roles, disable and enable accounts, reset passwords
/// and see and revoke anyone's tokens.
/// </summary>
public static class AccountFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<UserType>>("me").Description("The signed-in user.")
            .ResolveAsync(async c => await c.Service<AccountStore>().FindUserAsync(c.User!.Identity!.Name!, c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("users").Description("Admins only.")
            .ResolveAsync(async c =>
            {
                RoleCheck.Require(c.User, "Listing users", Role.Admin);
                return await c.Service<AccountStore>().ListUsersAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TokenInfoType>>>>("apiTokens")
            .Description("API tokens (never their secrets), also expired and revoked ones: yours, or, for admins, another user's.")
            .Argument<StringGraphType>("username", "Another user's tokens (admins only); yours when omitted.")
            .ResolveAsync(async c =>
            {
                var username = c.GetArgument<string?>("username") ?? c.User!.Identity!.Name!;
                if (username != c.User!.Identity!.Name)
                {
                    RoleCheck.Require(c.User, "Listing another user's tokens", Role.Admin);
                }
                return await c.Service<TokenStore>().ListApiTokensAsync(username, c.CancellationToken);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UserType>>("createUser")
            .Description("Admins only. The password is one-time: the user chooses their own at the first sign-in.")
            .Argument<NonNullGraphType<CreateUserInputType>>("input")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Creating a user", Role.Admin);
                var input = c.Input();
                return await c.Service<AccountStore>().CreateUserAsync(input.Get<string>("username")!, input.Get<string>("displayName") ?? "",
                    input.GetList<Role>("roles")!, input.Get<string>("password")!, oneTimePassword: true, actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<IssuedTokenType>>("createApiToken")
            .Description("A token for scripts, acting as you. It expires after 90 days unless given an earlier or later time (at most a year; see Accounts:* in the configuration).")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<DateTimeOffsetGraphType>("expiresAt")
            .ResolveAsync(async c => await c.Service<TokenStore>().CreateApiTokenAsync(c.User!.Identity!.Name!, c.GetArgument<string>("name"),
                c.GetArgument<DateTimeOffset?>("expiresAt"), c.CancellationToken));

        mutation.Field<NonNullGraphType<BooleanGraphType>>("revokeApiToken").Description("Revokes one of your tokens; admins may revoke anyone's.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<StringGraphType>("reason", "For the audit log.")
            .ResolveAsync(async c =>
            {
                var user = c.User!;
                await c.Service<TokenStore>().RevokeAsync(c.GetArgument<string>("id"), user.Identity!.Name!, user.IsInRole(Graph.Model.Codes.Of(Role.Admin)),
                    c.GetArgument<string?>("reason"), c.CancellationToken);
                return true;
            });

        mutation.Field<NonNullGraphType<UserType>>("changePassword")
            .Description("Changes your password (at least 12 characters); your other sessions end, this one and your API tokens stay.")
            .Argument<NonNullGraphType<StringGraphType>>("currentPassword")
            .Argument<NonNullGraphType<StringGraphType>>("newPassword")
            .ResolveAsync(async c =>
            {
                var address = ClientAddress.Key(c.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress);
                var result = await c.Service<SignIn>().ChangePasswordAsync(c.User!.Identity!.Name!, c.GetArgument<string>("currentPassword"),
                    c.GetArgument<string>("newPassword"), address, c.User.FindFirst(BearerTokenHandler.TokenIdClaim)?.Value, c.CancellationToken);
                return result.Status switch
                {
                    SignInStatus.PasswordChanged => result.User,
                    SignInStatus.Throttled => throw new ForbiddenException($"Too many failed password checks; try again in {result.RetryAfterSeconds} seconds."),
                    _ => throw new UserInputException("currentPassword", "is not your current password."),
                };
            });

        mutation.Field<NonNullGraphType<UserType>>("setEmail")
            .Description("Sets the e-mail address the office's notices go to (new leads on your cases); empty or null removes it. Yours, or (admins only) another user's.")
            .Argument<StringGraphType>("email")
            .Argument<StringGraphType>("username", "Another user's address (admins only); yours when omitted.")
            .ResolveAsync(async c =>
            {
                var me = c.User!.Identity!.Name!;
                var username = c.GetArgument<string?>("username") ?? me;
                var actor = username == me ? me : RoleCheck.Require(c.User, "Setting another user's e-mail address", Role.Admin);
                return await c.Service<UserEmail>().SetAsync(username, c.GetArgument<string?>("email"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UserType>>("setUserRoles").Description("Admins only; applies to the user's next request.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<RoleEnum>>>>("roles")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Changing roles", Role.Admin);
                return await c.Service<UserAdministration>().SetRolesAsync(c.GetArgument<string>("username"), c.GetArgument<List<Role>>("roles"),
                    c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UserType>>("disableUser")
            .Description("Admins only. The user cannot sign in, and all their sessions and API tokens are revoked at once.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Disabling a user", Role.Admin);
                return await c.Service<UserAdministration>().DisableAsync(c.GetArgument<string>("username"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UserType>>("enableUser").Description("Admins only. Tokens revoked on disabling stay revoked.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Enabling a user", Role.Admin);
                return await c.Service<UserAdministration>().EnableAsync(c.GetArgument<string>("username"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<PasswordResetType>>("resetPassword")
            .Description("Admins only. A new one-time password, shown only in this answer; the old one stops working and the user's sessions end.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Resetting a password", Role.Admin);
                return await c.Service<UserAdministration>().ResetPasswordAsync(c.GetArgument<string>("username"), c.GetArgument<string>("reason"), actor, c.CancellationToken);
            });
    }
}
