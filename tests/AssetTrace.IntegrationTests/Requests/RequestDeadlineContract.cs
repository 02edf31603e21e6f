using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Mail;
using AssetTrace.Requests;
using AssetTrace.Requests.Lifecycle;
using AssetTrace.Storage;
using Microsoft.Extensions.DependencyInjection;
using AssetTrace.Visibility;

namespace AssetTrace.IntegrationTests.Requests;

/// <summary>
/// Due dates live as Quartz triggers in the persistent store: scheduled while no scheduler runs,
/// they fire when a server starts on the same database, and flag the request overdue.
/// </summary>
public abstract class RequestDeadlineContract(StoreKind kind) : IDisposable
{
    private readonly TestStores _stores = new();

    public void Dispose()
    {
        _stores.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_deadline_scheduled_before_a_restart_fires_after_it_and_flags_the_request_overdue()
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Demo:Load"] = "true";
        string id;
        await using (var before = await CoreHarness.StartAsync(settings))
        {
            var desk = before.Get<RequestDesk>();
            var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal, new RequestBody(
                ["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, "Confidential", null, ["en"],
                new Dictionary<string, string>())), Viewer.System("officer1"), default);
            await desk.ApproveAsync(draft.Id, null, Viewer.System("supervisor1"), default);
            await desk.SendAsync(draft.Id, Viewer.System("officer1"), default);
            var messageId = (await before.Get<MailOutbox>().ForRequestAsync(draft.Id, default))[0].MessageId;
            // Sent ten days ago with seven days to answer: both the reminder and the due date have passed.
            await desk.MarkSentAsync(draft.Id, messageId, DateTimeOffset.UtcNow.AddDays(-10), default);
            id = draft.Id;
            Assert.False((await before.Get<RequestStore>().GetAsync(id, default))!.Progress.Overdue);
        }

        await using var server = await ServerHarness.StartAsync(settings);
        var requests = server.Services.GetRequiredService<RequestStore>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        NetworkRequest request;
        do
        {
            await Task.Delay(250);
            request = (await requests.GetAsync(id, default))!;
        }
        while (!request.Progress.Overdue && DateTime.UtcNow < deadline);

        Assert.True(request.Progress.Overdue, "the overdue trigger did not fire within a minute of the server starting");
        var events = (await requests.EventsAsync(id, default)).Select(e => e.Event).ToList();
        Assert.Contains("overdue", events);
        Assert.Equal(1, (await server.Services.GetRequiredService<RequestFigureReader>().ReadAsync(Viewer.System("test"), default)).Overdue);
    }
}

public sealed class SqliteRequestDeadlineTests() : RequestDeadlineContract(StoreKind.Sqlite);

public sealed class PostgresRequestDeadlineTests() : RequestDeadlineContract(StoreKind.Postgres);
