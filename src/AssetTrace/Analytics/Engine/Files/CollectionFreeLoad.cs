using System.Runtime;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>
/// Runs a load that keeps almost everything it allocates without garbage collections, then promotes it in one (#18).
/// Reading a snapshot file makes millions of small objects that all live on. With the collector's usual budget,
/// a collection ran every few megabytes and copied every survivor from generation to generation: 127 collections
/// and 20 of the 36 seconds of a million-node read. Inside one no-GC region there is none; one blocking collection
/// after it marks the whole graph once and leaves it in the oldest generation, where later requests' collections
/// do not walk it again.
/// </summary>
internal static class CollectionFreeLoad
{
    /// <summary>
    /// The load, inside a no-GC region of <paramref name="budgetBytes"/> when the collector grants one (not when
    /// another region is open in this process, or when it asks for more than the collector can set aside);
    /// otherwise as usual. A load that outgrows its budget only gets the usual collections from then on.
    /// </summary>
    public static T Run<T>(long budgetBytes, Func<T> load)
    {
        var inRegion = TryStart(budgetBytes);
        T loaded;
        try
        {
            loaded = load();
        }
        finally
        {
            if (inRegion)
            {
                End();
            }
        }
        if (inRegion)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
        return loaded;
    }

    private static bool TryStart(long budgetBytes)
    {
        if (budgetBytes <= 0 || budgetBytes > GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2)
        {
            return false;
        }
        try
        {
            return GC.TryStartNoGCRegion(budgetBytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Note: more than the collector can set aside, or another load's region open in this process.
            return false;
        }
    }

    private static void End()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return; // the load outgrew its budget, and the region ended with the collection that made room
        }
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Note: ended meanwhile by a collection another thread induced; nothing is left to end.
        }
    }
}
