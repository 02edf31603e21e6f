namespace AssetTrace.Roster;

/// <summary>The roster's settings (section <c>Roster</c>); the defaults are the law's.</summary>
public sealed class RosterOptions
{
    /// <summary>Assets, with those of connected persons, that put a person among the candidates: 100 million USD by law.</summary>
    public decimal ThresholdUsd { get; set; } = 100_000_000m;

    /// <summary>
    /// The threshold in monthly calculation indices instead, when set: converted for each date with that
    /// year's index (reference-data/monthly-calculation-index.csv) and the KZT rate of the day.
    /// </summary>
    public decimal? ThresholdMci { get; set; }

    /// <summary>How many days before a deadline the reminder goes to the entry's history.</summary>
    public int ReminderDays { get; set; } = 7;

    /// <summary>How long after a failed run (the store unreachable, the server stopping) the deadline's job tries again, in seconds.</summary>
    public int RetrySeconds { get; set; } = 300;

    /// <summary>Where the roster's reference data is read from; the files beside the binary by default.</summary>
    public string? ReferenceDataDirectory { get; set; }

    /// <summary>The largest document a subject's declaration may carry, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 25 * 1024 * 1024;
}
