using System.Text;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>
/// A stream that plays an IMAP server from a transcript (tests/fixtures/mail/imap-*.txt): each
/// command the client writes must be the next "C:" line (a trailing * matches any rest, for
/// credentials), and is answered with the "S:" lines after it, {tag} replaced by the command's tag.
/// Anything out of script fails the test with both lines, instead of hanging.
/// </summary>
public sealed class ScriptedImapStream : Stream
{
    private readonly Queue<(bool FromClient, string Text)> _script;
    private readonly Queue<byte> _toClient = new();
    private readonly StringBuilder _fromClient = new();

    private ScriptedImapStream(IEnumerable<(bool, string)> script)
    {
        _script = new Queue<(bool, string)>(script);
        Answer(tag: "*");
    }

    public static ScriptedImapStream Load(string path) =>
        new(File.ReadAllLines(path)
            .Where(line => line.StartsWith("C: ", StringComparison.Ordinal) || line.StartsWith("S: ", StringComparison.Ordinal) || line == "S:")
            .Select(line => (line[0] == 'C', line.Length > 3 ? line[3..] : "")));

    /// <summary>True once every line of the transcript has been played.</summary>
    public bool Finished => _script.Count == 0 && _toClient.Count == 0;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_toClient.Count == 0)
        {
            throw new InvalidOperationException(_script.Count == 0
                ? "The client reads past the end of the transcript."
                : $"The client waits for an answer, but the transcript expects the client to send: {_script.Peek().Text}");
        }
        var n = 0;
        while (n < count && _toClient.Count > 0)
        {
            buffer[offset + n++] = _toClient.Dequeue();
        }
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _fromClient.Append(Encoding.UTF8.GetString(buffer, offset, count));
        var text = _fromClient.ToString();
        int end;
        while ((end = text.IndexOf("\r\n", StringComparison.Ordinal)) >= 0)
        {
            var line = text[..end];
            text = text[(end + 2)..];
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var (tag, command) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
            if (_script.Count == 0 || !_script.Peek().FromClient)
            {
                throw new InvalidOperationException($"The client sent '{line}', which the transcript does not expect here.");
            }
            var expected = _script.Dequeue().Text;
            var matches = expected.EndsWith('*') ? command.StartsWith(expected[..^1], StringComparison.Ordinal) : command == expected;
            if (!matches)
            {
                throw new InvalidOperationException($"The transcript expects the client to send '{expected}', but it sent '{command}'.");
            }
            Answer(tag);
        }
        _fromClient.Clear().Append(text);
    }

    private void Answer(string tag)
    {
        while (_script.Count > 0 && !_script.Peek().FromClient)
        {
            foreach (var b in Encoding.UTF8.GetBytes(_script.Dequeue().Text.Replace("{tag}", tag, StringComparison.Ordinal) + "\r\n"))
            {
                _toClient.Enqueue(b);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var array = new byte[buffer.Length];
        var n = Read(array, 0, array.Length);
        array.AsSpan(0, n).CopyTo(buffer.Span);
        return ValueTask.FromResult(n);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToArray(), 0, buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
