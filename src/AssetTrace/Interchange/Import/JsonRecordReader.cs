using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AssetTrace.Interchange.Import;

/// <summary>One JSON value read from a file, with where it was, or why it could not be read.</summary>
public readonly record struct JsonRecord(JsonElement Value, RecordLocation Location, string? Error);

/// <summary>
/// Streams the records of a JSON file in either shape the formats use: a JSON array (read element
/// by element, never whole) or JSON lines (one document per line; a bad line is reported and
/// skipped). A single pretty-printed object is read as one record.
/// </summary>
public static class JsonRecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<JsonRecord> ReadAsync(string file, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        stream = new Utf8CheckedStream(stream, file);
        var first = await FirstSignificantByteAsync(stream, ct);
        var input = new PrefixedStream(first.Prefix, stream);
        if (first.Byte == '[')
        {
            var enumerator = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(input, cancellationToken: ct).GetAsyncEnumerator(ct);
            long index = 0;
            while (true)
            {
                JsonElement value;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }
                    value = enumerator.Current;
                }
                catch (JsonException e)
                {
                    throw new ImportFormatException(new RecordLocation(file, (e.LineNumber ?? -1) + 1, null),
                        $"not valid JSON after record {index}: {e.Message}", e);
                }
                index++;
                yield return new JsonRecord(value, new RecordLocation(file, 0, $"#{index}"), null);
            }
            await enumerator.DisposeAsync();
            yield break;
        }
        if (first.Byte is not ('{' or -1))
        {
            throw new ImportFormatException(new RecordLocation(file, 1, null),
                $"expected a JSON array ('[') or JSON lines ('{{'), found '{(char)first.Byte}'. Is this the right format?");
        }
        await foreach (var record in ReadLinesAsync(file, input, ct))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<JsonRecord> ReadLinesAsync(string file, Stream input, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(input, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long line = 0;
        var pending = new StringBuilder();
        long pendingStart = 0;
        var linesMode = false;
        while (true)
        {
            string? text;
            try
            {
                text = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException e)
            {
                throw new ImportFormatException(new RecordLocation(file, line + 1, null), "the file is not UTF-8 text (wrong encoding?).", e);
            }
            if (text is null)
            {
                break;
            }
            line++;
            if (pending.Length == 0 && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (pending.Length == 0)
            {
                pendingStart = line;
            }
            pending.Append(text).Append('\n');
            var (value, error) = TryParse(pending.ToString());
            if (error is not null)
            {
                if (linesMode)
                {
                    pending.Clear();
                    yield return new JsonRecord(default, new RecordLocation(file, line, null), $"not valid JSON: {error}");
                }
                // Otherwise not yet a whole value: a pretty-printed object goes on over the next lines.
                continue;
            }
            linesMode |= pendingStart == line;
            pending.Clear();
            yield return new JsonRecord(value, new RecordLocation(file, pendingStart, null), null);
        }
        if (pending.Length > 0)
        {
            throw new ImportFormatException(new RecordLocation(file, pendingStart, null), "the JSON value starting here never ends (truncated or malformed file).");
        }
    }

    private static (JsonElement Value, string? Error) TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, e.Message);
        }
    }

    private static async Task<(int Byte, byte[] Prefix)> FirstSignificantByteAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct) == 1)
        {
            buffer.Add(one[0]);
            // Skip a UTF-8 byte order mark and white space.
            if (one[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }
            return (one[0], [.. buffer]);
        }
        return (-1, [.. buffer]);
    }
}
