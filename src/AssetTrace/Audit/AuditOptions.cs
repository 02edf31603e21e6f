namespace AssetTrace.Audit;

/// <summary>The <c>Audit</c> section of the configuration: where the signing key lives and how often checkpoints are kept.</summary>
public sealed class AuditOptions
{
    /// <summary>The ECDSA P-256 key that signs checkpoints; empty means <c>{Storage:DataDirectory}/keys/audit-signing.pem</c>.</summary>
    public string SigningKeyPath { get; set; } = "";

    /// <summary>A checkpoint is kept for good every this many entries (the signed head always covers the newest one).</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>The server also keeps a checkpoint of the head this often, when the log has grown since the last one.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    public string KeyPath(string dataDirectory) =>
        Path.GetFullPath(SigningKeyPath is { Length: > 0 } path ? path : Path.Combine(dataDirectory, "keys", "audit-signing.pem"));
}
