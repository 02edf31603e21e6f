using System.Security.Claims;
using AssetTrace.Accounts;
using AssetTrace.WebConsole.SignIn;
using AssetTrace.Visibility;
using Microsoft.AspNetCore.Components.Authorization;

namespace AssetTrace.WebConsole;

/// <summary>
/// The signed-in user of one console circuit (#13). Every page asks it for a <see cref="Viewer"/>
/// before each read, and hands that viewer to the same services the GraphQL resolvers call. A
/// circuit lives for as long as the tab is open, so the session token is looked up again each
/// time: once it is revoked (signed out, password changed) or the account disabled, the next read
/// fails with <see cref="ConsoleSessionEndedException"/>, and a changed role or case applies at once.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, TokenStore tokens, ViewerDirectory viewers)
{
    public async Task<Viewer> ViewerAsync(CancellationToken ct) =>
        await ViewerAsync((await authentication.GetAuthenticationStateAsync()).User, tokens, viewers, ct);

    /// <summary>The viewer of a principal the console's cookie signed in: for the console's own endpoints (the dossier download).</summary>
    public static async Task<Viewer> ViewerAsync(ClaimsPrincipal principal, TokenStore tokens, ViewerDirectory viewers, CancellationToken ct)
    {
        var secret = principal.FindFirst(ConsoleCookie.SecretClaim)?.Value ?? throw new ConsoleSessionEndedException();
        var (user, _, _) = await tokens.AuthenticateAsync(secret, ct) ?? throw new ConsoleSessionEndedException();
        return await viewers.ForAsync(user.Username, user.Roles, ct);
    }
}

/// <summary>The console's session token is no longer live: the user must sign in again.</summary>
public sealed class ConsoleSessionEndedException() : Exception("The console session has ended; sign in again.");
