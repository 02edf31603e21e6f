using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;
using AssetTrace.Watch.Fetching;
using AssetTrace.Watch.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace AssetTrace.IntegrationTests.Watch;

/// <summary>
/// Two servers on one PostgreSQL with Quartz clustered (#15, #16): a source's scheduled run happens exactly once
/// per firing and never beside another run of the same source. The fixture site counts what reached it: a run
/// fetched twice for one firing would show as two runs in one firing's slot and more requests than runs; two runs
/// at once as two requests to the slow page at once.
/// </summary>
public sealed class WatchClusterTests : IAsyncLifetime, IDisposable
{
    private readonly TestStores _stores = new();
    private FixtureSite? _site;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task Two_servers_on_one_PostgreSQL_run_each_firing_of_a_source_once_and_never_two_runs_of_it_at_once()
    {
        _site = await FixtureSite.StartAsync();
        _site.HeldFor = TimeSpan.FromSeconds(1);
        var folder = Directory.CreateDirectory(Path.Combine(TempFolder.NewPath(), "sources")).FullName;
        // "tick" fires every two seconds and is quick; "held" fires every second and its page takes a second.
        await File.WriteAllTextAsync(Path.Combine(folder, "tick.json"), WatchSourceFiles.Articles("tick", _site.Port, "tick.test", ["/tick"], schedule: "0/2 * * * * ?"));
        await File.WriteAllTextAsync(Path.Combine(folder, "held.json"), WatchSourceFiles.Articles("held", _site.Port, "held.test", ["/held"], schedule: "* * * * * ?"));
        var settings = await _stores.CreateAsync(StoreKind.Postgres);
        settings["Demo:Load"] = "false";
        settings["Watch:SourcesDirectory"] = folder;
        try
        {
            await using var first = await ServerHarness.StartAsync(settings, s => s.AddSingleton<IHostResolver, FixtureResolver>());
            await using var second = await ServerHarness.StartAsync(settings, s => s.AddSingleton<IHostResolver, FixtureResolver>());
            var runs = first.Services.GetRequiredService<WatchRunStore>();

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while ((await Finished(runs, "tick")).Count < 6 || (await Finished(runs, "held")).Count < 4)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The scheduled runs did not come: tick {(await Finished(runs, "tick")).Count}, held {(await Finished(runs, "held")).Count}.");
                await Task.Delay(500);
            }
            // Paused, a firing does nothing: what ran can then be counted at rest.
            await runs.SetPausedAsync("tick", true, "test", default);
            await runs.SetPausedAsync("held", true, "test", default);
            await Task.Delay(TimeSpan.FromSeconds(3));
            while ((await runs.ListAsync(null, 1000, default)).Any(r => r.Status == WatchRun.Running))
            {
                Assert.True(DateTime.UtcNow < deadline, "A run did not finish.");
                await Task.Delay(500);
            }

            // Exactly once: one run per two-second firing, and one request per run.
            var ticks = await runs.ListAsync("tick", 1000, default);
            var slots = ticks.GroupBy(r => r.StartedAt.ToUnixTimeSeconds() / 2).Where(g => g.Count() > 1).ToList();
            Assert.True(slots.Count == 0, $"Two runs of one firing: {string.Join("; ", slots.Select(g => string.Join(", ", g.Select(r => r.StartedAt.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))))}");
            Assert.Equal(ticks.Count, _site.Hits("/tick"));

            // Never at once: the slow page never served two runs together, and no run began before the one before it ended.
            Assert.Equal(1, _site.HeldAtOnce);
            var held = (await runs.ListAsync("held", 1000, default)).OrderBy(r => r.StartedAt).ToList();
            foreach (var (before, after) in held.Zip(held.Skip(1)))
            {
                Assert.True(before.FinishedAt <= after.StartedAt, $"The run {after.Id} began at {after.StartedAt:O}, before {before.Id} ended at {before.FinishedAt:O}.");
            }
        }
        finally
        {
            TempFolder.Delete(Path.GetDirectoryName(folder));
        }
    }

    private static async Task<List<WatchRun>> Finished(WatchRunStore runs, string source) =>
        [.. (await runs.ListAsync(source, 1000, default)).Where(r => r.Status != WatchRun.Running)];
}
