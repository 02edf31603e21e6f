namespace AssetTrace.Common;

/// <summary>The change is based on a stale version or clashes with what is stored.</summary>
public sealed class ConflictException(string message) : Exception(message);
