using AssetTrace.Mail;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>Stands in for the request domain: records every call, and lets a test wait for one.</summary>
public sealed class RecordingMailEvents : IMailEvents
{
    private readonly Lock _lock = new();
    private readonly List<(string RequestId, string MessageId, DateTimeOffset At)> _sent = [];
    private readonly List<(string RequestId, string MessageId, string Reason)> _failed = [];
    private readonly List<InboundMail> _received = [];

    /// <summary>Called after each received message is recorded; a test uses it to stop a receiver mid-stream.</summary>
    public Action<InboundMail>? OnReceived { get; set; }

    public IReadOnlyList<(string RequestId, string MessageId, DateTimeOffset At)> Sent { get { lock (_lock) { return [.. _sent]; } } }

    public IReadOnlyList<(string RequestId, string MessageId, string Reason)> Failed { get { lock (_lock) { return [.. _failed]; } } }

    public IReadOnlyList<InboundMail> Received { get { lock (_lock) { return [.. _received]; } } }

    public Task MessageSentAsync(string requestId, string messageId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_lock)
        {
            _sent.Add((requestId, messageId, at));
        }
        return Task.CompletedTask;
    }

    public Task MessageFailedAsync(string requestId, string messageId, string reason, CancellationToken ct)
    {
        lock (_lock)
        {
            _failed.Add((requestId, messageId, reason));
        }
        return Task.CompletedTask;
    }

    public Task MessageReceivedAsync(InboundMail mail, CancellationToken ct)
    {
        lock (_lock)
        {
            _received.Add(mail);
        }
        OnReceived?.Invoke(mail);
        return Task.CompletedTask;
    }

    public IReadOnlyList<InboundMail> ReceivedWith(string messageId) => Received.Where(m => m.MessageId == messageId).ToList();
}
