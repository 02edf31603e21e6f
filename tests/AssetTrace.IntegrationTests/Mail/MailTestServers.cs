namespace AssetTrace.IntegrationTests.Mail;

/// <summary>
/// The Postfix and Dovecot that ./test.sh starts (ASSETTRACE_TEST_SMTP, …). A test that needs
/// them and finds no variables fails with this message; it is never skipped.
/// </summary>
public static class MailTestServers
{
    public static (string Host, int Port) Smtp => Endpoint("ASSETTRACE_TEST_SMTP");

    public static (string Host, int Port) Smtps => Endpoint("ASSETTRACE_TEST_SMTPS");

    public static (string Host, int Port) Imap => Endpoint("ASSETTRACE_TEST_IMAP");

    public static string Desk => Variable("ASSETTRACE_TEST_MAIL_DESK");

    public static string Partner => Variable("ASSETTRACE_TEST_MAIL_PARTNER");

    public static string Password => Variable("ASSETTRACE_TEST_MAIL_PASSWORD");

    /// <summary>The servers' self-signed certificate, which the clients are told to trust.</summary>
    public static string Certificate => Variable("ASSETTRACE_TEST_MAIL_CERT");

    /// <summary>An address at the partner's domain that has no mailbox: Dovecot refuses it, Postfix bounces.</summary>
    public static string Nobody => "nobody-" + Guid.NewGuid().ToString("N")[..8] + Partner[Partner.IndexOf('@', StringComparison.Ordinal)..];

    /// <summary>The request desk's mailbox on these servers: SMTP to send, IMAP to read answers, both over STARTTLS.</summary>
    public static void ConfigureDesk(IDictionary<string, string?> settings) =>
        ConfigureDesk(settings, Smtp, Imap, Desk, Password, Certificate);

    /// <summary>The request desk's mail settings for the given servers and account.</summary>
    public static void ConfigureDesk(IDictionary<string, string?> settings, (string Host, int Port) smtp, (string Host, int Port) imap,
        string desk, string password, string? certificate)
    {
        settings["Mail:Smtp:Host"] = smtp.Host;
        settings["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Smtp:Security"] = "StartTls";
        settings["Mail:Smtp:Username"] = desk;
        settings["Mail:Smtp:Password"] = password;
        settings["Mail:Smtp:From"] = $"AssetTrace request desk <{desk}>";
        settings["Mail:Imap:Host"] = imap.Host;
        settings["Mail:Imap:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Imap:Security"] = "StartTls";
        settings["Mail:Imap:Username"] = desk;
        settings["Mail:Imap:Password"] = password;
        settings["Mail:TrustedCertificateFile"] = certificate;
    }

    private static (string Host, int Port) Endpoint(string name)
    {
        var value = Variable(name);
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests with ./test.sh, which starts Postfix and Dovecot, or start them with " +
                "`./test.sh --servers-only` (as root) and export the variables it prints.");
}
