using GraphQL.DataLoader;

namespace AssetTrace.Api.Batching;

/// <summary>
/// Ids asked for by the fields of one execution step, read with one call (#18). A resolver adds its ids and
/// returns the <see cref="IDataLoaderResult"/> it gets; the execution strategy asks for the results only once
/// every sibling field has run, so by then every id of the step is in the batch. The first result asked for
/// reads them all; every waiting field gets the same read, its errors and its cancellation included. Ids
/// added after that go into the next batch: nothing is kept between reads, so a later step (or a mutation's
/// answer) never sees an older copy.
/// </summary>
/// <param name="read">Reads the records with these ids; ids it leaves out are not there for the viewer.</param>
public sealed class IdBatch<T>(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> read)
{
    private readonly Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> _reader = read;
    private readonly Lock _gate = new();
    private Pending? _open;

    /// <summary>Adds <paramref name="ids"/> to the open batch; the result is what the batch read of them.</summary>
    public IDataLoaderResult<TSlice> Add<TSlice>(IReadOnlyCollection<string> ids, Func<IReadOnlyDictionary<string, T>, TSlice> slice)
    {
        lock (_gate)
        {
            _open ??= new Pending(this);
            _open.Ids.UnionWith(ids);
            return new Slice<TSlice>(_open, slice);
        }
    }

    private sealed class Pending(IdBatch<T> batch)
    {
        private readonly TaskCompletionSource<IReadOnlyDictionary<string, T>> _read = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _started;

        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public async Task<IReadOnlyDictionary<string, T>> ReadAsync(CancellationToken ct)
        {
            bool start;
            lock (batch._gate)
            {
                start = !_started;
                _started = true;
                if (batch._open == this)
                {
                    batch._open = null;
                }
            }
            if (start)
            {
                // Note: the token is the request's, the same for every field waiting on this batch.
                try
                {
                    _read.SetResult(await batch._reader(Ids, ct));
                }
                catch (OperationCanceledException e)
                {
                    _read.SetCanceled(e.CancellationToken);
                }
                catch (Exception e)
                {
                    _read.SetException(e);
                }
            }
            return await _read.Task;
        }
    }

    private sealed class Slice<TSlice>(Pending pending, Func<IReadOnlyDictionary<string, T>, TSlice> slice) : IDataLoaderResult<TSlice>
    {
        public async Task<TSlice> GetResultAsync(CancellationToken cancellationToken = default) =>
            slice(await pending.ReadAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
