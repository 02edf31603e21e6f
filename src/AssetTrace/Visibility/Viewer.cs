using System.Security.Cryptography;
using System.Text;
using AssetTrace.Accounts;

namespace AssetTrace.Visibility;

/// <summary>
/// Who is asking, and so what exists for them: open facts, and the restricted facts of the cases
/// they work on (as team member or named supervisor). Admins, and the office's own processes
/// (the shell, the demo loader, mail and deadline jobs), see everything. Every read and write of
/// facts takes one, so a restricted fact cannot be reached by a path that forgot to check.
/// </summary>
public sealed class Viewer
{
    private static readonly HashSet<string> NoCases = [];

    private Viewer(string name, IReadOnlySet<Role> roles, IReadOnlySet<string> cases, bool seesEverything)
    {
        Name = name;
        Roles = roles;
        Cases = cases;
        SeesEverything = seesEverything;
        CacheKey = seesEverything ? "all"
            : cases.Count == 0 ? "open"
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', cases.Order(StringComparer.Ordinal)))))[..24];
    }

    /// <summary>The user name recorded as the actor of what this viewer changes.</summary>
    public string Name { get; }

    public IReadOnlySet<Role> Roles { get; }

    /// <summary>The cases whose restricted facts this viewer sees (empty when <see cref="SeesEverything"/>: all of them).</summary>
    public IReadOnlySet<string> Cases { get; }

    public bool SeesEverything { get; }

    /// <summary>
    /// Part of every cache key of a figure computed for this viewer: viewers who see the same
    /// restricted cases share answers, and no answer is served to someone who sees less.
    /// </summary>
    public string CacheKey { get; }

    /// <summary>A signed-in user: admins see everything, others the cases they are on.</summary>
    public static Viewer User(string name, IEnumerable<Role> roles, IEnumerable<string> cases)
    {
        var roleSet = roles.ToHashSet();
        var admin = roleSet.Contains(Role.Admin);
        return new Viewer(name, roleSet, admin ? NoCases : cases.ToHashSet(StringComparer.Ordinal), admin);
    }

    /// <summary>One of the office's own processes, acting under <paramref name="name"/> in the audit log.</summary>
    public static Viewer System(string name) => new(name, new HashSet<Role> { Role.Admin }, NoCases, true);

    /// <summary>
    /// What may go into the documents of one case (a letter to a partner): open facts and the
    /// case's own restricted facts, never another case's, whoever renders it.
    /// </summary>
    public static Viewer ForCase(string caseId) => new($"case:{caseId}", new HashSet<Role>(), new HashSet<string>(StringComparer.Ordinal) { caseId }, false);

    /// <summary>Whether a fact restricted to <paramref name="caseId"/> (null: open) exists for this viewer.</summary>
    public bool Sees(string? caseId) => caseId is null || SeesEverything || Cases.Contains(caseId);

    /// <summary>Whether this viewer holds the role; admins hold every role.</summary>
    public bool Has(Role role) => Roles.Contains(role) || Roles.Contains(Role.Admin);
}
