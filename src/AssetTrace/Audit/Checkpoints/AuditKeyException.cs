namespace AssetTrace.Audit.Checkpoints;

/// <summary>The audit signing key file cannot be trusted or read; the server refuses to start rather than sign with it.</summary>
public sealed class AuditKeyException(string message, Exception? inner = null) : Exception(message, inner);
