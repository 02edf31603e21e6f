using AssetTrace.Api.Batching;
using GraphQL.DataLoader;

namespace AssetTrace.UnitTests.Api;

/// <summary>
/// The batch behind the nodes and edges of an answer (#18): ids added before the first result is asked for are read
/// once, together; each field gets its own slice; a failed or cancelled read reaches every field waiting on it; ids
/// added after the read go into a new one.
/// </summary>
public sealed class IdBatchTests
{
    private readonly List<string[]> _reads = [];

    private IdBatch<string> Batch(Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>>? read = null) =>
        new(read ?? ((ids, _) =>
        {
            lock (_reads)
            {
                _reads.Add([.. ids.Order(StringComparer.Ordinal)]);
            }
            // "hidden" stands for an id the viewer may not see: the store leaves it out.
            return Task.FromResult<IReadOnlyDictionary<string, string>>(ids.Where(id => id != "hidden").ToDictionary(id => id, id => id.ToUpperInvariant()));
        }));

    private static IDataLoaderResult<string[]> Add(IdBatch<string> batch, params string[] ids) =>
        batch.Add(ids, found => ids.Where(found.ContainsKey).Select(id => found[id]).ToArray());

    [Fact]
    public async Task Ids_added_before_the_first_result_is_asked_for_are_read_once_and_each_field_gets_its_own()
    {
        var batch = Batch();
        var first = Add(batch, "a", "b");
        var second = Add(batch, "b", "hidden", "c");

        var answers = await Task.WhenAll(second.GetResultAsync(), first.GetResultAsync());

        Assert.Equal(["a", "b", "c", "hidden"], Assert.Single(_reads));
        Assert.Equal(["B", "C"], answers[0]);
        Assert.Equal(["A", "B"], answers[1]);
    }

    [Fact]
    public async Task Ids_added_after_a_read_go_into_a_new_read()
    {
        var batch = Batch();
        Assert.Equal(["A"], await Add(batch, "a").GetResultAsync());

        var later = Add(batch, "a", "d");

        Assert.Equal(["A", "D"], await later.GetResultAsync());
        Assert.Equal([["a"], ["a", "d"]], _reads);
    }

    [Fact]
    public async Task A_failed_read_fails_every_field_waiting_on_it_and_the_next_batch_reads_again()
    {
        var calls = 0;
        var gate = new TaskCompletionSource();
        var batch = Batch(async (ids, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await gate.Task;
                throw new InvalidOperationException("the store is gone");
            }
            return ids.ToDictionary(id => id, id => id);
        });
        var a = Add(batch, "a");
        var b = Add(batch, "b");
        var first = a.GetResultAsync();
        var second = b.GetResultAsync();
        gate.SetResult();

        Assert.Equal("the store is gone", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("the store is gone", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
        Assert.Equal(["c"], await Add(batch, "c").GetResultAsync());
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_cancelled_read_cancels_every_field_waiting_on_it()
    {
        using var request = new CancellationTokenSource();
        var batch = Batch(async (ids, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ids.ToDictionary(id => id, id => id);
        });
        var a = Add(batch, "a");
        var b = Add(batch, "b");
        var first = a.GetResultAsync(request.Token);
        var second = b.GetResultAsync(request.Token);

        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }
}
