namespace AssetTrace.Api.Limits;

/// <summary>
/// What one field costs: its own work (<see cref="Impact"/>, in units of one object read from the
/// store), how many items it returns when it is a list (which multiplies what is selected inside
/// it), how often it may be selected under aliases in one selection set, and whether it is
/// rate-limited per user.
/// </summary>
public sealed record FieldCost(double Impact, ListSize? Items = null, int? MaxAliases = null, bool Expensive = false);

/// <summary>How many items a list field is expected to return, for the complexity estimate.</summary>
public sealed record ListSize(double Fixed, string? Argument = null, bool ArgumentOnParent = false)
{
    /// <summary>A list of at most about this many items.</summary>
    public static ListSize Of(double count) => new(count);

    /// <summary>As many as this field's argument asks for (or its default).</summary>
    public static ListSize FromArgument(string name, double byDefault) => new(byDefault, name);

    /// <summary>As many as the enclosing field's argument asks for, e.g. maxPaths of beneficialOwners for each owner's paths.</summary>
    public static ListSize FromParentArgument(string name, double byDefault) => new(byDefault, name, ArgumentOnParent: true);
}
