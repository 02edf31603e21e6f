using System.Security.Claims;
using AssetTrace.Common;
using AssetTrace.Graph.Model;

namespace AssetTrace.Accounts;

/// <summary>Role gates for actions; admins pass every gate.</summary>
public static class RoleCheck
{
    public static string Require(ClaimsPrincipal? user, string action, params Role[] allowed)
    {
        var name = user?.Identity is { IsAuthenticated: true } identity ? identity.Name! : throw new ForbiddenException("Sign in first.");
        if (user.IsInRole(Codes.Of(Role.Admin)) || allowed.Any(r => user.IsInRole(Codes.Of(r))))
        {
            return name;
        }
        throw new ForbiddenException($"{action} needs the role {string.Join(" or ", allowed.Select(Codes.Of))}; {name} has {string.Join(", ", Roles(user))}.");
    }

    public static IEnumerable<string> Roles(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => c.Value);
}
