using System.Text.Json;
using AssetTrace.Graph.Model;
using AssetTrace.WebConsole.Search;
using Microsoft.Extensions.Time.Testing;

namespace AssetTrace.UnitTests.WebConsole;

/// <summary>
/// The search box's suggestions (#13): a query waits for typing to pause, a keystroke cancels the one
/// before it, and only the text the user stopped at is searched.
/// </summary>
public sealed class SuggestionQueryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<(string Text, int Count)> _searched = [];

    [Fact]
    public async Task Typing_quickly_searches_only_the_last_text_once_typing_pauses()
    {
        using var query = new SuggestionQuery(_clock, Search);

        var first = query.TypedAsync("Akh", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        var second = query.TypedAsync("Akhm", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        var third = query.TypedAsync("Akhmetov ", CancellationToken.None);

        Assert.Null(await first);
        Assert.Null(await second);
        Assert.Empty(_searched);
        Assert.False(third.IsCompleted);

        _clock.Advance(SuggestionQuery.Pause);
        var found = await third;
        Assert.Equal([("Akhmetov", SuggestionQuery.Count)], _searched);
        Assert.Equal("Akhmetov", Assert.Single(found!).Name);
    }

    [Fact]
    public async Task A_slow_answer_overtaken_by_newer_typing_is_dropped_and_its_search_cancelled()
    {
        var slow = new TaskCompletionSource();
        var cancelled = false;
        using var query = new SuggestionQuery(_clock, async (text, count, ct) =>
        {
            if (text == "Ser")
            {
                using var registration = ct.Register(() => { cancelled = true; slow.TrySetCanceled(ct); });
                await slow.Task;
            }
            return await Search(text, count, ct);
        });

        var older = query.TypedAsync("Ser", CancellationToken.None);
        _clock.Advance(SuggestionQuery.Pause);
        var newer = query.TypedAsync("Serik", CancellationToken.None);
        _clock.Advance(SuggestionQuery.Pause);

        Assert.Null(await older);
        Assert.True(cancelled);
        Assert.Equal("Serik", Assert.Single((await newer)!).Name);
    }

    [Fact]
    public async Task Text_without_a_letter_or_digit_is_not_searched()
    {
        using var query = new SuggestionQuery(_clock, Search);
        Assert.Empty((await query.TypedAsync(" -- ", CancellationToken.None))!);
        Assert.Empty(_searched);
    }

    private Task<IReadOnlyList<Node>> Search(string text, int count, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        _searched.Add((text, count));
        var at = _clock.GetUtcNow();
        IReadOnlyList<Node> found =
        [
            new(text, NodeKind.Person, text, JsonDocument.Parse("{}").RootElement, null, null,
                new Provenance(SourceKind.OfficialRegistry, "ref", at, "tester", UsageRestriction.Evidence), new Stamp(1, at, "tester", at, "tester")),
        ];
        return Task.FromResult(found);
    }
}
