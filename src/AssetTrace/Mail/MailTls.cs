using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Security;

namespace AssetTrace.Mail;

/// <summary>Applies <see cref="MailOptions"/>' TLS settings to a MailKit client.</summary>
internal static class MailTls
{
    public static SecureSocketOptions ToSocketOptions(this MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    public static void Configure(IMailService client, MailOptions options, TimeSpan timeout)
    {
        client.Timeout = (int)timeout.TotalMilliseconds;
        client.CheckCertificateRevocation = options.CheckCertificateRevocation;
        if (string.IsNullOrWhiteSpace(options.TrustedCertificateFile))
        {
            return;
        }
        var trusted = Load(options.TrustedCertificateFile);
        client.CheckCertificateRevocation = false;
        // Note: only this exact certificate is let through; any other untrusted one is still refused.
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None ||
            (certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(trusted.GetCertHash()));
    }

    private static X509Certificate2 Load(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }
}
