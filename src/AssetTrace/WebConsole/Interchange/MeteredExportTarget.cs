using AssetTrace.Interchange.Export;

namespace AssetTrace.WebConsole.Interchange;

/// <summary>An export target that reports the bytes written to all its files so far, for a progress line.</summary>
public sealed class MeteredExportTarget(IExportTarget inner, IProgress<long> written) : IExportTarget
{
    private const long ReportEvery = 256 * 1024;
    private long _total;
    private long _reportedAt;

    public long Total => Interlocked.Read(ref _total);

    public Stream Create(string fileName) => new Counting(inner.Create(fileName), this);

    private void Count(int bytes)
    {
        var total = Interlocked.Add(ref _total, bytes);
        if (total - Interlocked.Read(ref _reportedAt) >= ReportEvery)
        {
            Interlocked.Exchange(ref _reportedAt, total);
            written.Report(total);
        }
    }

    /// <summary>The last count, once every file is closed.</summary>
    private void Closed() => written.Report(Total);

    private sealed class Counting(Stream stream, MeteredExportTarget target) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => stream.Length;
        public override long Position { get => stream.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            stream.Write(buffer);
            target.Count(buffer.Length);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await stream.WriteAsync(buffer, cancellationToken);
            target.Count(buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => stream.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => stream.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                stream.Dispose();
                target.Closed();
            }
            base.Dispose(disposing);
        }
    }
}
