using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace AssetTrace.Watch.Snapshots;

/// <summary>
/// Writes snapshots as a WARC/1.1 file (ISO 28500:2017) that standard web-archive tools open: a
/// warcinfo record, then one response record per snapshot with its HTTP status line and headers and
/// the body as stored. Every body's SHA-256 is computed again before it is written: a body that no
/// longer has the hash it was stored under stops the export with <see cref="SnapshotTamperedException"/>,
/// naming the snapshot; callers write to a buffer first, so no part of such a file is served.
/// </summary>
public sealed class WarcExport(SnapshotStore snapshots, TimeProvider clock)
{
    // The body is stored decompressed and whole (or cut at the limit), so these would describe it wrongly.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "Content-Encoding", "Transfer-Encoding", "Content-Length" };

    public async Task WriteAsync(IReadOnlyList<Snapshot> items, Stream output, CancellationToken ct)
    {
        var info = Encoding.UTF8.GetBytes("software: AssetTrace open-source watch\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n");
        await WriteRecordAsync(output, [("WARC-Type", "warcinfo"), ("Content-Type", "application/warc-fields")], info, clock.GetUtcNow(), ct);
        foreach (var snapshot in items)
        {
            var body = await snapshots.VerifiedBodyAsync(snapshot, ct);
            var actual = SHA256.HashData(body);
            var http = new StringBuilder();
            http.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {snapshot.Status} {ReasonOf(snapshot.Status)}\r\n");
            foreach (var (name, value) in snapshot.Headers.Where(h => !Dropped.Contains(h.Key)))
            {
                http.Append(CultureInfo.InvariantCulture, $"{name}: {OneLine(value)}\r\n");
            }
            http.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n");
            var block = Encoding.Latin1.GetBytes(http.ToString()).Concat(body).ToArray();
            var headers = new List<(string, string)>
            {
                ("WARC-Type", "response"),
                ("WARC-Target-URI", snapshot.Url),
                ("Content-Type", "application/http;msgtype=response"),
                ("WARC-Payload-Digest", "sha256:" + Base32(actual)),
                ("WARC-Block-Digest", "sha256:" + Base32(SHA256.HashData(block))),
                ("AssetTrace-Snapshot-Id", snapshot.Id),
            };
            if (snapshot.Truncated)
            {
                headers.Add(("WARC-Truncated", "length"));
            }
            await WriteRecordAsync(output, headers, block, snapshot.FetchedAt, ct);
        }
    }

    private static async Task WriteRecordAsync(Stream output, List<(string Name, string Value)> headers, byte[] block, DateTimeOffset date, CancellationToken ct)
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n");
        head.Append(CultureInfo.InvariantCulture, $"WARC-Date: {date.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {OneLine(value)}\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        await output.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), ct);
        await output.WriteAsync(block, ct);
        await output.WriteAsync("\r\n\r\n"u8.ToArray(), ct);
    }

    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ');

    private static string ReasonOf(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "Unknown";

    /// <summary>RFC 4648 base32, the encoding web-archive tools expect for digests.</summary>
    public static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new StringBuilder((bytes.Length + 4) / 5 * 8);
        for (var i = 0; i < bytes.Length; i += 5)
        {
            var n = Math.Min(5, bytes.Length - i);
            ulong buffer = 0;
            for (var j = 0; j < 5; j++)
            {
                buffer = (buffer << 8) | (j < n ? bytes[i + j] : (byte)0);
            }
            var chars = (int)Math.Ceiling(n * 8 / 5.0);
            for (var j = 0; j < 8; j++)
            {
                output.Append(j < chars ? Alphabet[(int)((buffer >> (35 - (j * 5))) & 31)] : '=');
            }
        }
        return output.ToString();
    }
}
