using System.Security.Claims;

namespace AssetTrace.Visibility;

/// <summary>
/// The viewer of the current HTTP request, looked up once per request however many fields ask
/// (scoped: one per request).
/// </summary>
public sealed class CurrentViewer(ViewerDirectory directory)
{
    private Task<Viewer>? _viewer;
    private (ClaimsPrincipal User, Task<Viewer> Viewer)? _known;

    public Task<Viewer> GetAsync(ClaimsPrincipal? user, CancellationToken ct) =>
        _known is { } known && ReferenceEquals(known.User, user) ? known.Viewer : _viewer ??= directory.ForAsync(user, ct);

    /// <summary>
    /// The viewer as the request's authentication found them, cases included (a bearer token is read with the user's
    /// cases in one statement): asked for the same principal, it is not looked up again.
    /// </summary>
    public void Know(ClaimsPrincipal user, Viewer viewer) => _known = (user, Task.FromResult(viewer));
}
