namespace AssetTrace.Common;

/// <summary>An id that names nothing (or nothing that still exists).</summary>
public sealed class NotFoundException(string what, string id)
    : Exception($"No {what} with id '{id}' exists (it may have been deleted).")
{
    public string What { get; } = what;

    public string Id { get; } = id;
}
