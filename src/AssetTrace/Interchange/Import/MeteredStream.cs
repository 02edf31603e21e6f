using System.Security.Cryptography;

namespace AssetTrace.Interchange.Import;

/// <summary>Counts and hashes (SHA-256) the bytes read through it, and reports progress.</summary>
public sealed class MeteredStream(Stream inner, string name, long? length, IProgress<ImportProgress>? progress) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private long _reportedAt;

    public long Records { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length ?? throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public ImportedFile Finish()
    {
        // Whatever the reader left unread still belongs to the file's hash.
        var buffer = new byte[81920];
        int n;
        while ((n = inner.Read(buffer)) > 0)
        {
            Count(buffer.AsSpan(0, n));
        }
        return new ImportedFile(name, _read, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Count(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _read += bytes.Length;
        if (progress is not null && _read - _reportedAt >= 1 << 20)
        {
            _reportedAt = _read;
            progress.Report(new ImportProgress(name, _read, length, Records));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
