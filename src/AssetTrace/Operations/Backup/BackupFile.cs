using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetTrace.Common;

namespace AssetTrace.Operations.Backup;

/// <summary>
/// The backup file: gzip-compressed JSON lines (a header, then per table a line naming its columns, one
/// line per row and a line with its row count, then the manifest) and, last, <c>{"sha256": …}</c>: the
/// SHA-256 of every line before it. A file cut short lacks that line; a changed byte breaks gzip's CRC or
/// the hash. Readable with <c>zcat</c> alone, so a backup can be inspected without AssetTrace (#19).
/// </summary>
public sealed class BackupFileWriter : IAsyncDisposable
{
    public const string Format = "assettrace-backup";
    public const int FormatVersion = 1;

    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _line = new();
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public BackupFileWriter(string path)
    {
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        _gzip = new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true);
    }

    /// <summary>Writes one line made by <paramref name="write"/> (one JSON value).</summary>
    public async Task LineAsync(Action<Utf8JsonWriter> write, CancellationToken ct)
    {
        _line.ResetWrittenCount();
        await using (var json = new Utf8JsonWriter(_line))
        {
            write(json);
        }
        _sha.AppendData(_line.WrittenSpan);
        _sha.AppendData(NewLine);
        await _gzip.WriteAsync(_line.WrittenMemory, ct);
        await _gzip.WriteAsync(NewLine, ct);
    }

    /// <summary>Writes the closing checksum line and flushes the file to disk; returns the checksum.</summary>
    public async Task<string> FinishAsync(CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(_sha.GetHashAndReset());
        await _gzip.WriteAsync(Encoding.UTF8.GetBytes($"{{\"sha256\":\"{sha}\"}}\n"), ct);
        await _gzip.FlushAsync(ct);
        await _gzip.DisposeAsync();
        _file.Flush(flushToDisk: true);
        return sha;
    }

    public async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
        _sha.Dispose();
    }
}

/// <summary>Reads a backup file line by line, and refuses it, with what is wrong, unless it is whole and unaltered.</summary>
public static class BackupFileReader
{
    private const string ChecksumStart = "{\"sha256\":";

    /// <summary>
    /// Calls <paramref name="line"/> for every line but the checksum, then checks the checksum: a caller that
    /// writes as it reads keeps what it wrote uncommitted until this returns.
    /// </summary>
    public static async Task<string> ReadAsync(string path, Func<JsonElement, Task> line, CancellationToken ct)
    {
        Stream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException("file", $"{path} cannot be read: {e.Message}");
        }
        await using (file)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            try
            {
                await using var gzip = new GZipStream(file, CompressionMode.Decompress);
                using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
                var first = true;
                while (await reader.ReadLineAsync(ct) is { } text)
                {
                    if (text.StartsWith(ChecksumStart, StringComparison.Ordinal))
                    {
                        var stated = JsonDocument.Parse(text).RootElement.GetProperty("sha256").GetString();
                        var actual = Convert.ToHexStringLower(sha.GetHashAndReset());
                        if (stated != actual)
                        {
                            throw Damaged(path, $"its content's SHA-256 is {actual}, but the file states {stated}: it was altered after it was written");
                        }
                        if (await reader.ReadLineAsync(ct) is not null)
                        {
                            throw Damaged(path, "it goes on after its checksum: something was appended to it");
                        }
                        return actual;
                    }
                    sha.AppendData(Encoding.UTF8.GetBytes(text));
                    sha.AppendData("\n"u8);
                    using var document = JsonDocument.Parse(text);
                    if (first && (!document.RootElement.TryGetProperty("format", out var format) || format.GetString() != BackupFileWriter.Format))
                    {
                        throw new UserInputException("file", $"{path} is not an AssetTrace backup (it does not start with the backup's header).");
                    }
                    first = false;
                    await line(document.RootElement);
                }
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or DecoderFallbackException or FormatException or KeyNotFoundException)
            {
                throw Damaged(path, $"it cannot be read ({e.Message.TrimEnd('.')}): it was cut short or altered");
            }
            throw Damaged(path, "it ends before its checksum: the file was cut short (an interrupted copy or a full disk?)");
        }
    }

    private static UserInputException Damaged(string path, string why) =>
        new("file", $"{path} is damaged, so nothing was restored from it: {why}. Use another copy of the backup.");
}
