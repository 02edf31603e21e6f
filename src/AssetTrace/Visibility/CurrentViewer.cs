using System.Security.Claims;

namespace AssetTrace.Visibility;

/// <summary>
/// The viewer of the current HTTP request, looked up once per request however many fields ask
/// (scoped: one per request).
/// </summary>
public sealed class CurrentViewer(ViewerDirectory directory)
{
    private Task<Viewer>? _viewer;

    public Task<Viewer> GetAsync(ClaimsPrincipal? user, CancellationToken ct) => _viewer ??= directory.ForAsync(user, ct);
}
