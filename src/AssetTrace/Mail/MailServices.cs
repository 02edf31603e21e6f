using AssetTrace.Mail.Receiving;
using AssetTrace.Mail.Sending;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetTrace.Mail;

public static class MailServices
{
    /// <summary>The outbox, the inbox and the receiver; the request domain replaces <see cref="IMailEvents"/>.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.TryAddSingleton<IMailEvents, NoMailEvents>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailInbox>();
        services.AddSingleton<MailNotifier>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<MailReceiver>();
        return services;
    }

    /// <summary>The background work of the web server: sending the outbox and reading the mailbox.</summary>
    public static IServiceCollection AddMailHostedServices(this IServiceCollection services)
    {
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<ImapListener>();
        return services;
    }
}
