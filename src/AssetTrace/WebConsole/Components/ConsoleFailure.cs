using System.Globalization;
using AssetTrace.Analytics.Engine;
using AssetTrace.Common;
using AssetTrace.WebConsole.Text;

namespace AssetTrace.WebConsole.Components;

/// <summary>What went wrong, said so that the user knows what to do next (#13).</summary>
/// <param name="SignInAgain">The session has ended: offer the sign-in page.</param>
public sealed record ConsoleFailure(string Message, bool SignInAgain = false)
{
    /// <summary>The failure to show for an error of a page's read or change; null for a cancelled one.</summary>
    public static ConsoleFailure? From(Exception error, ConsoleText text, DateTimeOffset now, ILogger logger) => error switch
    {
        OperationCanceledException => null,
        ConsoleSessionEndedException => new ConsoleFailure(text.SessionEnded, SignInAgain: true),
        NotFoundException notFound => new ConsoleFailure(text.Format(text.ErrorNotFound, $"{notFound.What} «{notFound.Id}»")),
        UserInputException input => new ConsoleFailure(text.Format(text.ErrorInput, string.Join(" ", input.Errors.Select(e => $"{e.Field}: {e.Message}")))),
        ForbiddenException forbidden => new ConsoleFailure(text.Format(text.ErrorForbidden, forbidden.Message)),
        ConflictException conflict => new ConsoleFailure(text.Format(text.ErrorConflict, conflict.Message)),
        // The analytics graph is still loading after a start (#18): say how far, not "the server failed".
        SnapshotWarmingException warming => new ConsoleFailure(text.Format(text.ErrorWarming, Progress(warming))),
        _ => Unexpected(error, text, now, logger),
    };

    private static string Progress(SnapshotWarmingException warming) =>
        warming.RowsTotal is { } total && total > 0
            ? $"{100.0 * warming.RowsRead / total:0}%"
            : warming.RowsRead.ToString("N0", CultureInfo.InvariantCulture);

    private static ConsoleFailure Unexpected(Exception error, ConsoleText text, DateTimeOffset now, ILogger logger)
    {
        var time = now.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        logger.LogError(error, "A console page failed at {Time}", time);
        return new ConsoleFailure(text.Format(text.ErrorUnexpected, time));
    }
}
