namespace AssetTrace.Storage;

/// <summary>
/// Counts the SQL commands made within one piece of work, such as a GraphQL request, wherever they are made
/// from (#18): a request whose count grows with the size of its answer reads per item instead of in batches.
/// The count follows the work's async flow, so commands of other requests and background jobs are not in it.
/// </summary>
public sealed class StoreCommandTally : IDisposable
{
    private static readonly AsyncLocal<StoreCommandTally?> Current = new();

    private readonly StoreCommandTally? _outer;
    private long _commands;

    private StoreCommandTally(StoreCommandTally? outer) => _outer = outer;

    /// <summary>Commands made since <see cref="Begin"/> in this flow and the tasks it started.</summary>
    public long Commands => Interlocked.Read(ref _commands);

    /// <summary>Starts counting for the current async flow until disposed; a tally already running keeps counting too.</summary>
    public static StoreCommandTally Begin()
    {
        var tally = new StoreCommandTally(Current.Value);
        Current.Value = tally;
        return tally;
    }

    /// <summary>Called for every command <see cref="Database.Command"/> makes.</summary>
    internal static void CommandMade()
    {
        for (var tally = Current.Value; tally is not null; tally = tally._outer)
        {
            Interlocked.Increment(ref tally._commands);
        }
    }

    public void Dispose() => Current.Value = _outer;
}
