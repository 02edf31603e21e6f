using System.Security.Claims;
using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Storage;

namespace AssetTrace.Visibility;

/// <summary>Finds what a signed-in user may see: their roles, and the cases they are on (case_access).</summary>
public sealed class ViewerDirectory(Database database)
{
    public async Task<Viewer> ForAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        var name = user?.Identity is { IsAuthenticated: true } identity ? identity.Name! : throw new ForbiddenException("Sign in first.");
        var roles = RoleCheck.Roles(user).Select(r => Codes.TryParse<Role>(r, out var role) ? (Role?)role : null).OfType<Role>().ToList();
        return await ForAsync(name, roles, ct);
    }

    public async Task<Viewer> ForAsync(string username, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        if (roles.Contains(Role.Admin))
        {
            return Of(username, roles, []);
        }
        var cases = await database.ReadAsync(c => c.QueryAsync(null, "SELECT DISTINCT case_id FROM case_access WHERE username = @u",
            r => r.GetString(0), ct, ("u", username)), ct);
        return Of(username, roles, cases);
    }

    /// <summary>The viewer of a user whose cases were read already (with their token: <see cref="TokenStore.AuthenticateAsync"/>).</summary>
    public static Viewer Of(string username, IReadOnlyCollection<Role> roles, IEnumerable<string> cases) =>
        // An admin sees every case: their list of cases would only mislead.
        Viewer.User(username, roles, roles.Contains(Role.Admin) ? [] : cases);
}
