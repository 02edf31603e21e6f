using AssetTrace.Visibility;

namespace AssetTrace.Analytics.Engine;

/// <summary>
/// Which restricted facts of the snapshot the current calculation may see (#11). The snapshot is
/// shared by every user; <see cref="SnapshotProvider"/> sets the sight of the viewer around each
/// calculation, and every validity check of the engine (nodes, edges, links, <see cref="GraphSnapshot.Find"/>)
/// also asks it, so a hidden fact behaves exactly like one not valid on the date: it is not
/// walked, counted, or reached. Open facts (restriction 0, nearly all) never consult it.
/// </summary>
internal sealed class Sight
{
    private static readonly AsyncLocal<Sight?> Ambient = new();

    private readonly HashSet<int>? _cases;

    private Sight(HashSet<int>? cases) => _cases = cases;

    /// <summary>Sees every restricted fact.</summary>
    public static Sight All { get; } = new(null);

    public static Sight Of(Viewer viewer, GraphSnapshot snapshot) =>
        viewer.SeesEverything ? All : new Sight([.. viewer.Cases.Select(snapshot.CaseNumberOf).Where(n => n > 0)]);

    /// <summary>Runs a calculation under the viewer's sight of the snapshot, and puts back the sight it ran in.</summary>
    public static T Within<T>(Viewer viewer, GraphSnapshot snapshot, Func<T> calculate)
    {
        var outer = Ambient.Value;
        Ambient.Value = Of(viewer, snapshot);
        try
        {
            return calculate();
        }
        finally
        {
            Ambient.Value = outer;
        }
    }

    /// <summary>The sight calculations on this flow of execution run under; none outside one (nothing restricted is seen).</summary>
    public static Sight? Current => Ambient.Value;

    /// <summary>
    /// Whether a fact with this restriction is visible now: 0 is open; a case number needs the
    /// current sight to include it. Outside any sight (a calculation not started by the provider)
    /// restricted facts are hidden: failing closed.
    /// </summary>
    public static bool Sees(int restriction) =>
        restriction == 0 || (Ambient.Value is { } sight && (sight._cases is null || sight._cases.Contains(restriction)));
}
