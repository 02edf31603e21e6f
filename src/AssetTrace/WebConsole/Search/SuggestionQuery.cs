using AssetTrace.Graph.Model;
using AssetTrace.Graph.Names;

namespace AssetTrace.WebConsole.Search;

/// <summary>
/// The search box's suggestions while typing (#13): a query starts once typing pauses for
/// <see cref="Pause"/>, and each new keystroke cancels the query before it, so only the text the user
/// stopped at is searched and an older, slower answer never replaces a newer one.
/// </summary>
/// <param name="search">The search, given the text and how many to find; the caller reads it with the user's viewer.</param>
public sealed class SuggestionQuery(TimeProvider clock, Func<string, int, CancellationToken, Task<IReadOnlyList<Node>>> search) : IDisposable
{
    /// <summary>How long typing must pause before a query starts.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>Suggestions shown at most.</summary>
    public const int Count = 8;

    private readonly Lock _lock = new();
    private CancellationTokenSource? _latest;
    private bool _latestDone;

    /// <returns>The suggestions for <paramref name="text"/>; empty when there is nothing to search for; null when newer typing superseded it.</returns>
    public async Task<IReadOnlyList<Node>?> TypedAsync(string text, CancellationToken closed)
    {
        var mine = CancellationTokenSource.CreateLinkedTokenSource(closed);
        lock (_lock)
        {
            _latest?.Cancel();
            if (_latestDone)
            {
                _latest?.Dispose();
            }
            (_latest, _latestDone) = (mine, false);
        }
        try
        {
            if (NameKey.Keys(text).Count == 0)
            {
                return [];
            }
            await Task.Delay(Pause, clock, mine.Token);
            return await search(text.Trim(), Count, mine.Token);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            // The latest one is kept for the next keystroke to cancel and dispose; an older one is done with.
            lock (_lock)
            {
                if (ReferenceEquals(_latest, mine))
                {
                    _latestDone = true;
                }
                else
                {
                    mine.Dispose();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _latest?.Cancel();
            if (_latestDone)
            {
                _latest?.Dispose();
            }
            _latest = null;
        }
    }
}
