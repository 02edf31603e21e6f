using System.Globalization;
using AssetTrace.Common;

namespace AssetTrace.WebConsole.Network;

/// <summary>The page-wide "as of" date of the address (<c>?asOf=2025-12-31</c>), read by the network view.</summary>
public static class NetworkAsOf
{
    /// <returns>The date; null when the address has none (then today's links are drawn).</returns>
    public static DateOnly? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new UserInputException("asOf", $"'{text}' is not a date; write it as yyyy-MM-dd, for example 2025-12-31.");
}
