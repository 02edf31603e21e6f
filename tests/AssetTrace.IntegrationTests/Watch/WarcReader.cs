using System.Globalization;
using System.Text;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// A small WARC reader written for the tests from ISO 28500 alone, apart from the writer: records are
/// a version line, named fields, a blank line, Content-Length bytes of block, then CRLF CRLF.
/// </summary>
public static class WarcReader
{
    public sealed record Record(Dictionary<string, string> Fields, byte[] Block)
    {
        public string this[string name] => Fields[name];

        /// <summary>A response record's payload: its block after the HTTP header's blank line.</summary>
        public byte[] Payload
        {
            get
            {
                for (var i = 0; i + 3 < Block.Length; i++)
                {
                    if (Block[i] == '\r' && Block[i + 1] == '\n' && Block[i + 2] == '\r' && Block[i + 3] == '\n')
                    {
                        return Block[(i + 4)..];
                    }
                }
                throw new InvalidDataException("no end of the HTTP header in the block");
            }
        }
    }

    public static List<Record> Read(byte[] file)
    {
        var records = new List<Record>();
        var at = 0;
        while (at < file.Length)
        {
            var version = Line(file, ref at);
            if (version != "WARC/1.1")
            {
                throw new InvalidDataException($"record at {at}: version line '{version}'");
            }
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var line = Line(file, ref at); line.Length > 0; line = Line(file, ref at))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
            var length = int.Parse(fields["Content-Length"], CultureInfo.InvariantCulture);
            records.Add(new Record(fields, file[at..(at + length)]));
            at += length;
            if (Line(file, ref at) != "" || Line(file, ref at) != "")
            {
                throw new InvalidDataException("a record does not end with CRLF CRLF");
            }
        }
        return records;
    }

    private static string Line(byte[] file, ref int at)
    {
        var start = at;
        while (!(file[at] == '\r' && file[at + 1] == '\n'))
        {
            at++;
        }
        var line = Encoding.UTF8.GetString(file, start, at - start);
        at += 2;
        return line;
    }

    /// <summary>RFC 4648 base32 decoding, to compare a labelled digest with a hash.</summary>
    public static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = new StringBuilder();
        foreach (var c in text.TrimEnd('='))
        {
            bits.Append(Convert.ToString(Alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0'));
        }
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.ToString(i * 8, 8), 2))];
    }
}
