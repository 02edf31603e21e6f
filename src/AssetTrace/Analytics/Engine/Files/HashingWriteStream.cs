using System.IO.Hashing;

namespace AssetTrace.Analytics.Engine.Files;

/// <summary>Passes every byte written on to the file and into the checksum, so the file is written in one pass (#18).</summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly XxHash3 _hash = new();

    public ulong Hash => _hash.GetCurrentHashAsUInt64();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        inner.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
