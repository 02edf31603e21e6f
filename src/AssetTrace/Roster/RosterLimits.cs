namespace AssetTrace.Roster;

/// <summary>Lengths of the roster's texts, in characters (see Common/TextLimits for why texts have limits).</summary>
public static class RosterLimits
{
    /// <summary>The statement of grounds: about four pages.</summary>
    public const int Grounds = 10_000;

    /// <summary>A reason (exclusion, extension, evaluation) or a note on a court step.</summary>
    public const int Reason = 2_000;

    /// <summary>How a notice was delivered (by hand, registered mail with its number, …).</summary>
    public const int Method = 300;

    /// <summary>The members named in a vote.</summary>
    public const int Members = 50;

    /// <summary>Connected persons attached to one entry.</summary>
    public const int ConnectedPersons = 200;

    public const int FileName = 255;
}
