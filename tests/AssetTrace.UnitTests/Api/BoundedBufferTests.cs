using AssetTrace.Api.Limits;

namespace AssetTrace.UnitTests.Api;

/// <summary>The last guard of Api:MaxResponseBytes: the buffer the answer is written to (#11).</summary>
public sealed class BoundedBufferTests
{
    [Fact]
    public async Task Takes_up_to_the_limit_and_refuses_the_byte_after_it()
    {
        using var buffer = new BoundedBuffer(10);
        await buffer.WriteAsync(new byte[6]);
        buffer.Write([1, 2, 3], 0, 3);
        buffer.WriteByte(4);
        Assert.Equal(10, buffer.Length);

        var refused = Assert.Throws<ResponseTooLargeException>(() => buffer.WriteByte(5));
        Assert.Equal(10, refused.MaxBytes);
        await Assert.ThrowsAsync<ResponseTooLargeException>(async () => await buffer.WriteAsync(new byte[1]));
        Assert.Equal(10, buffer.Length);
    }
}
