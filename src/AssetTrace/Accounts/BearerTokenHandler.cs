using System.Security.Claims;
using System.Text.Encodings.Web;
using AssetTrace.Graph.Model;
using AssetTrace.Visibility;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssetTrace.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c> with a session or API token from the store.
/// Tokens are opaque rather than signed so that revoking one takes effect at once; the user's
/// roles and whether the account is disabled are read with the token on every request.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The id of the token the request came with (a password change keeps this session).</summary>
    public const string TokenIdClaim = "assettrace:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var authenticated = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (authenticated is not var (user, tokenId, cases))
        {
            return AuthenticateResult.Fail("The bearer token is unknown, expired or revoked, or the account is disabled; sign in again at POST /auth/login.");
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Username), new(ClaimTypes.NameIdentifier, user.Id), new(TokenIdClaim, tokenId) };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, Codes.Of(r))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        // The cases came with the token, read in this request: its reads need not ask for them again.
        Context.RequestServices.GetService<CurrentViewer>()?.Know(principal, ViewerDirectory.Of(user.Username, user.Roles, cases));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
