using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.IntegrationTests.Visibility;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// #19: every log line of a request carries its user and request id, and no line, at any level, holds a
/// password, a token or a fact restricted to a case, through sign-ins (right and wrong) and a restricted read.
/// </summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task Log_lines_name_the_user_and_request_and_never_hold_a_password_token_or_restricted_fact()
    {
        var captured = new CapturedLogs();
        var settings = await TestDatabases.CreateAsync(StoreKind.Sqlite);
        settings["Demo:Load"] = "false";
        await using var server = await ServerHarness.StartAsync(settings, services =>
        {
            services.AddSingleton<ILoggerProvider>(captured);
            // Everything this provider is given, whatever the harness's quiet default says.
            services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(CapturedLogs).FullName, null, LogLevel.Trace, null)));
        }, ownsStore: true);
        var restricted = await RestrictedFixture.BuildAsync(server);
        using (var anonymous = new HttpClient { BaseAddress = server.Client.BaseAddress })
        {
            var wrong = await anonymous.PostAsJsonAsync("/auth/login", new { username = "insider", password = "a wrong password given here" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var token = await server.SignInAsync("insider", "insider's own password");
        var owners = await server.DataAsync($$"""{ beneficialOwners(id: "{{restricted.OpenFlat}}") { name } node(id: "{{restricted.HiddenPerson}}") { name } }""", token: token);
        Assert.Contains(RestrictedFixture.HiddenName, owners.ToJsonString(), StringComparison.Ordinal);

        var lines = captured.Lines.ToList();
        Assert.Contains(lines, l => l.Text.Contains("/graphql", StringComparison.Ordinal) && l.Scopes.Contains("User=insider") && l.Scopes.Any(s => s.StartsWith("RequestId=", StringComparison.Ordinal)));
        var secrets = new List<string>(restricted.Secrets.Where(s => s.Length > 0))
        {
            RestrictedFixture.Password, "insider's own password", "a wrong password given here", server.AdminPassword, token, restricted.InsiderToken,
        };
        foreach (var line in lines)
        {
            var whole = line.Text + " " + string.Join(" ", line.Scopes);
            Assert.DoesNotContain(secrets, secret => whole.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed record CapturedLine(string Text, IReadOnlyList<string> Scopes);

    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<CapturedLine> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
                    }
                    else
                    {
                        list.Add(scope?.ToString() ?? "");
                    }
                }, scopes);
                owner.Lines.Enqueue(new CapturedLine($"{formatter(state, exception)} {exception}", scopes));
            }
        }
    }
}
