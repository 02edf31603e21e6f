namespace AssetTrace.Mail;

/// <summary>
/// The <c>Mail</c> section of the configuration (docs/MAIL.md lists every key). With no
/// configuration at all, mail is queued and received mail is never fetched: nothing leaves the office.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    public ImapOptions Imap { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public InboundOptions Inbound { get; set; } = new();

    public SmimeOptions Smime { get; set; } = new();

    /// <summary>The right-hand side of generated Message-IDs (&lt;guid@domain&gt;).</summary>
    public string MessageIdDomain { get; set; } = "assettrace.local";

    /// <summary>
    /// A certificate file (PEM or DER) that is accepted from the SMTP and IMAP servers even when it
    /// does not chain to a trusted root: a self-signed server of the office's own, or the test servers.
    /// </summary>
    public string? TrustedCertificateFile { get; set; }

    /// <summary>Check certificate revocation lists when validating a server's certificate.</summary>
    public bool CheckCertificateRevocation { get; set; } = true;
}

/// <summary>How the connection to a mail server is secured.</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    /// <summary>Empty: nothing is sent, mail stays queued.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The desk's address: the From header and the envelope sender (bounces come back to it).</summary>
    public string From { get; set; } = "request-desk@assettrace.local";

    /// <summary>Where replies go; the reply token is added as a plus-address (desk+token@…). Empty: <see cref="From"/>.</summary>
    public string? ReplyToAddress { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class ImapOptions
{
    /// <summary>Empty: received mail is not fetched.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 143;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The folders to read, each resumed by its own UIDVALIDITY and last UID. Empty: INBOX.</summary>
    public string[]? Folders { get; set; }

    /// <summary>Wait with IMAP IDLE when the server offers it (and only one folder is read); otherwise poll.</summary>
    public bool UseIdle { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>IDLE is re-issued after this long (RFC 2177: servers may drop an idle client after 29 minutes).</summary>
    public TimeSpan IdleRestart { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>How long to wait before reconnecting after the server could not be reached.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> EffectiveFolders => Folders is { Length: > 0 } folders ? folders : ["INBOX"];
}

public sealed class OutboxOptions
{
    /// <summary>The wait after the first failed attempt; it doubles with every further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a message is failed for good.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a message may stay 'sending'; past it, the attempt is taken to have died with its process.</summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the worker looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; set; } = 20;
}

public sealed class InboundOptions
{
    public long MaxAttachmentBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Accepted attachment types; "image/*" takes a whole family. Empty: <see cref="DefaultAllowedContentTypes"/>.</summary>
    public string[]? AllowedContentTypes { get; set; }

    public static IReadOnlyList<string> DefaultAllowedContentTypes { get; } =
    [
        "application/pdf", "text/plain", "text/csv", "text/html", "image/*", "application/zip",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
        "application/xml", "text/xml", "application/json", "message/rfc822",
    ];

    public IReadOnlyList<string> EffectiveAllowedContentTypes =>
        AllowedContentTypes is { Length: > 0 } types ? types : DefaultAllowedContentTypes;
}

/// <summary>S/MIME signing of outgoing mail: on when <see cref="CertificateFile"/> is set.</summary>
public sealed class SmimeOptions
{
    /// <summary>A PKCS#12 (.pfx/.p12) file with the signing certificate and its private key.</summary>
    public string? CertificateFile { get; set; }

    public string? CertificatePassword { get; set; }
}
