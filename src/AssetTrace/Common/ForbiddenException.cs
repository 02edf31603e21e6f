namespace AssetTrace.Common;

/// <summary>The caller is authenticated but their roles do not allow the action.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
