using AssetTrace.WebConsole.Text;
using AssetTrace.Visibility;
using Microsoft.AspNetCore.Components;

namespace AssetTrace.WebConsole.Components;

/// <summary>
/// What every signed-in page shares: its language, and <see cref="ReadAsync{T}"/>, which asks the
/// session for the user's Viewer and hands it to the service call, turning errors into a
/// <see cref="Failure"/> the page shows. A page never reaches a store without a viewer.
/// </summary>
public abstract class ConsolePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private bool _disposed;

    [Inject]
    protected ConsoleSession Session { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Inject]
    protected ILogger<ConsolePage> Logger { get; set; } = default!;

    [CascadingParameter]
    protected ConsoleText Text { get; set; } = ConsoleText.Russian;

    protected ConsoleFailure? Failure { get; set; }

    /// <summary>The page's "as of" date as written in its address (<c>?asOf=</c>); read it through <see cref="AsOf"/>.</summary>
    [SupplyParameterFromQuery(Name = AsOfDate.QueryName)]
    public string? AsOfQuery { get; set; }

    /// <summary>
    /// The date the page shows the graph on, null for today. Read it inside <see cref="ReadAsync{T}"/>:
    /// a date that does not parse fails the read with an error naming the field.
    /// </summary>
    protected DateOnly? AsOf => AsOfDate.Parse(AsOfQuery);

    /// <summary>A console link that keeps the page's as-of date (none when it does not parse).</summary>
    protected string Carry(string link)
    {
        try
        {
            return AsOfDate.Carry(link, AsOf);
        }
        catch (Common.UserInputException)
        {
            return link;
        }
    }

    /// <summary>Cancelled when the user leaves the page or closes the tab.</summary>
    protected CancellationToken Closed => _closed.Token;

    /// <returns>The result, or default when it failed (then <see cref="Failure"/> says why).</returns>
    protected async Task<T?> ReadAsync<T>(Func<Viewer, CancellationToken, Task<T>> read)
    {
        Failure = null;
        try
        {
            var viewer = await Session.ViewerAsync(Closed);
            return await read(viewer, Closed);
        }
        catch (Exception e) when (ConsoleFailure.From(e, Text, Clock.GetUtcNow(), Logger) is { } failure)
        {
            Failure = failure;
            return default;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _closed.Cancel();
        _closed.Dispose();
        GC.SuppressFinalize(this);
    }
}
