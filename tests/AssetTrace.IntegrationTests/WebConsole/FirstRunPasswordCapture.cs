using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// Reads the first-run admin's one-time password from the server's log, where a new user reads it
/// (FirstRunAdmin prints it once), so a test can sign in with exactly what the README says to use.
/// </summary>
public sealed partial class FirstRunPasswordCapture : ILoggerProvider
{
    private const string Category = "AssetTrace.Accounts.FirstRunAdmin";

    public string? Password { get; private set; }

    /// <summary>Registers the capture, and lets the first-run warning through although tests log errors only.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(typeof(FirstRunPasswordCapture).FullName, Category, LogLevel.Warning, null)));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    [GeneratedRegex("one-time password (\\S+) ")]
    private static partial Regex PrintedPassword();

    private sealed class Logger(FirstRunPasswordCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == Category;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category == Category && PrintedPassword().Match(formatter(state, exception)) is { Success: true } match)
            {
                capture.Password = match.Groups[1].Value;
            }
        }
    }
}
