using System.Text;
using AssetTrace.Interchange.Import;

namespace AssetTrace.UnitTests.Interchange;

/// <summary>The UTF-8 check of imported text files: the line of a bad byte, and characters split between reads.</summary>
public sealed class Utf8CheckedStreamTests
{
    /// <summary>Gives at most a few bytes per read, as a slow pipe would, so characters fall across reads.</summary>
    private sealed class Trickle(byte[] bytes, int perRead) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(perRead, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(perRead, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(perRead, buffer.Length)], cancellationToken);
    }

    private static string ReadAll(byte[] bytes, int perRead)
    {
        using var reader = new StreamReader(new Utf8CheckedStream(new Trickle(bytes, perRead), "f.csv"), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Characters_split_between_reads_pass_whole(int perRead)
    {
        const string Text = "id,name\n1,Серік Ахметов\n2,Société Générale 𝔘\n";

        Assert.Equal(Text, ReadAll(Encoding.UTF8.GetBytes(Text), perRead));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void A_byte_that_is_not_UTF_8_is_named_with_its_line(int perRead)
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,Ahmetov\n").Concat(Encoding.Latin1.GetBytes("2,Société\n3,x\n")).ToArray();

        var error = Assert.Throws<ImportFormatException>(() => ReadAll(bytes, perRead));

        Assert.Equal(("f.csv", 3L), (error.Location.File, error.Location.Line));
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }
}
