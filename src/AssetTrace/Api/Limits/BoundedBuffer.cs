namespace AssetTrace.Api.Limits;

/// <summary>
/// A memory buffer for the answer that refuses to grow past a limit: the last guard of
/// <see cref="ApiLimits.MaxResponseBytes"/>, whatever the estimate during execution said.
/// </summary>
public sealed class BoundedBuffer(int maxBytes) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int adding)
    {
        if (Position + adding > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }
    }
}

/// <summary>The written answer passed <see cref="ApiLimits.MaxResponseBytes"/>.</summary>
public sealed class ResponseTooLargeException(int maxBytes) : Exception($"The answer is larger than {maxBytes} bytes.")
{
    public int MaxBytes { get; } = maxBytes;
}
