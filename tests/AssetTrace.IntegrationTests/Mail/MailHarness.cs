using AssetTrace.Hosting;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Mail;
using AssetTrace.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.IntegrationTests.Mail;

/// <summary>
/// The core services over a fresh store, configured for the test Postfix (STARTTLS, SASL) and
/// Dovecot (IMAP, STARTTLS) as the desk, with a fake clock and <see cref="RecordingMailEvents"/>.
/// <see cref="RestartAsync"/> throws the services away and builds new ones on the same store: a server restart.
/// With <c>requestDesk</c> the demo case is loaded and the request desk takes the mail events instead.
/// </summary>
public sealed class MailHarness : IAsyncDisposable
{
    private readonly RecordingMailEvents? _events;
    private ServiceProvider _services;

    private MailHarness(IConfigurationRoot configuration, FakeTimeProvider clock, RecordingMailEvents? events)
    {
        Configuration = configuration;
        Clock = clock;
        _events = events;
        _services = Build(configuration, clock, events);
    }

    public IConfigurationRoot Configuration { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingMailEvents Events => _events ?? throw new InvalidOperationException("The request desk takes the mail events of this harness.");

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="realServers">false: addresses that lead nowhere, for tests that hand the receiver a scripted connection.</param>
    public static async Task<MailHarness> StartAsync(StoreKind kind, Action<Dictionary<string, string?>>? configure = null, bool realServers = true,
        bool requestDesk = false)
    {
        var settings = await TestDatabases.CreateAsync(kind);
        var (smtpHost, smtpPort) = realServers ? MailTestServers.Smtp : ("smtp.transcript.test", 587);
        var (imapHost, imapPort) = realServers ? MailTestServers.Imap : ("imap.transcript.test", 143);
        var desk = realServers ? MailTestServers.Desk : "desk@assettrace.test";
        var password = realServers ? MailTestServers.Password : "secret";
        settings["Demo:Load"] = requestDesk ? "true" : "false";
        MailTestServers.ConfigureDesk(settings, (smtpHost, smtpPort), (imapHost, imapPort), desk, password, realServers ? MailTestServers.Certificate : null);
        settings["Mail:MessageIdDomain"] = "assettrace.test";
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var harness = new MailHarness(configuration, new FakeTimeProvider(WholeSecond(DateTimeOffset.UtcNow)), requestDesk ? null : new RecordingMailEvents());
        await CoreServices.PrepareStoreAsync(harness._services, configuration, CancellationToken.None);
        return harness;
    }

    // PostgreSQL keeps microseconds, SQLite's text all seven digits: a whole second compares equal in both.
    private static DateTimeOffset WholeSecond(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Changes a setting while the services run, as an edited appsettings.json would.</summary>
    public void Set(string key, string? value)
    {
        Configuration[key] = value;
        Configuration.Reload();
    }

    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build(Configuration, Clock, _events);
    }

    /// <summary>Queues the mail in a write transaction of its own, as the request desk does with its state change.</summary>
    public Task<string> EnqueueAsync(OutgoingMail mail) =>
        Get<Database>().WriteAsync((c, t) => Get<MailOutbox>().EnqueueAsync(c, t, mail, CancellationToken.None), CancellationToken.None);

    public async Task<OutboxEntry> OutboxEntryAsync(string messageId) =>
        await Get<MailOutbox>().FindByMessageIdAsync(messageId, CancellationToken.None) ?? throw new InvalidOperationException($"{messageId} is not in the outbox");

    private static ServiceProvider Build(IConfiguration configuration, FakeTimeProvider clock, RecordingMailEvents? events)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddAssetTraceCore(configuration)
            .AddSingleton<TimeProvider>(clock);
        if (events is not null)
        {
            // Registered after the request desk's, so the last registration wins.
            services.AddSingleton<IMailEvents>(events);
        }
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        TempFolder.Delete(Configuration["Storage:DataDirectory"]);
    }
}
