using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Reads a run's items in chunks on a task of its own, a chunk or two ahead of the writer: the
/// file is parsed while the previous chunk is validated and written, on another core (issue #4).
/// At most <c>chunksAhead + 2</c> chunks are held at once, so memory stays bounded.
/// </summary>
internal static class ItemChunkReader
{
    public static async IAsyncEnumerable<List<ImportItem>> ReadAsync(IAsyncEnumerable<ImportItem> items, int chunkSize, int chunksAhead,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<ImportItem>>(new BoundedChannelOptions(chunksAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => FillAsync(items, chunkSize, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            // Note: a reader that failed completes the channel with its exception, which surfaces here, in the writer's
            // transaction, as if the items had been read inline (ImportFormatException stays what it was).
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                yield return chunk;
            }
        }
        finally
        {
            // The writer stopped early (strict mode, a failure) or finished: the reader must not outlive the run.
            await stop.CancelAsync();
            await reading;
        }
    }

    private static async Task FillAsync(IAsyncEnumerable<ImportItem> items, int chunkSize, ChannelWriter<List<ImportItem>> writer, CancellationToken ct)
    {
        try
        {
            var chunk = new List<ImportItem>(chunkSize);
            await foreach (var item in items.WithCancellation(ct))
            {
                chunk.Add(item);
                if (chunk.Count == chunkSize)
                {
                    await writer.WriteAsync(chunk, ct);
                    chunk = new List<ImportItem>(chunkSize);
                }
            }
            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, ct);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
        }
    }
}
