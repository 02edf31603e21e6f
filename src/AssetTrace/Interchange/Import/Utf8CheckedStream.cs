using System.Buffers;
using System.Text;

namespace AssetTrace.Interchange.Import;

/// <summary>
/// Passes a text file's bytes through and stops at the first that is not UTF-8, naming its line (#12).
/// The reader above decodes 64 KiB at a time, so its own decoding error only knew the line it was
/// reading, usually line 1; here the lines are counted in the bytes themselves, up to the bad one.
/// </summary>
public sealed class Utf8CheckedStream(Stream inner, string file) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private long _line = 1;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Check(buffer[..n], end: n == 0 && buffer.Length > 0);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..n], end: n == 0 && buffer.Length > 0);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Check(ReadOnlySpan<byte> bytes, bool end)
    {
        // Decoding (not only counting, which leaves the decoder as it was) keeps a character split between two reads
        // and checks it with the next.
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 4);
        try
        {
            _decoder.GetChars(bytes, chars, flush: end);
        }
        catch (DecoderFallbackException e)
        {
            var before = bytes[..Math.Clamp(e.Index, 0, bytes.Length)];
            throw new ImportFormatException(new RecordLocation(file, _line + before.Count((byte)'\n'), null),
                $"the file is not UTF-8 text (wrong encoding?): byte {Hex(e.BytesUnknown)} on this line is not UTF-8. Save the file as UTF-8 and import it again.", e);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        _line += bytes.Count((byte)'\n');
    }

    private static string Hex(byte[]? bytes) => bytes is { Length: > 0 } ? string.Join(' ', bytes.Select(b => $"0x{b:X2}")) : "(end of file)";

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
