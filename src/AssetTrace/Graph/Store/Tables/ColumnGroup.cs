namespace AssetTrace.Graph.Store.Tables;

/// <summary>Which writes change a column: an UPDATE names the groups it sets.</summary>
[Flags]
public enum ColumnGroup
{
    /// <summary>The row's key: what an UPDATE or DELETE finds the row by.</summary>
    Key = 1,

    /// <summary>Written once with the row and never changed: kind, who created it and when.</summary>
    Identity = 2,

    /// <summary>An edge's two ends: moved by re-imports and merges, never by an analyst's patch.</summary>
    Ends = 4,

    /// <summary>What the fact says: name, properties, share, validity.</summary>
    Content = 8,

    /// <summary>Where the fact came from: source, reference, when obtained, who recorded it, restriction.</summary>
    Provenance = 16,

    /// <summary>Who may see it (#11): the case it is restricted to and the channel it first came through. Only GraphStore's checks change them.</summary>
    Visibility = 32,

    /// <summary>Changed by every write: version, updated_at, updated_by, change_seq.</summary>
    Change = 64,

    All = Key | Identity | Ends | Content | Provenance | Visibility | Change,
}
