using AssetTrace.Audit.Checkpoints;
using AssetTrace.Common;

namespace AssetTrace.UnitTests.Audit;

/// <summary>What a checkpoint's signature covers, and the exported file's form.</summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "assettrace-unit", Guid.NewGuid().ToString("N"));
    private readonly AuditSigningKey _key;

    public AuditCheckpointTests() => _key = AuditSigningKey.LoadOrCreate(Path.Combine(_folder, "key.pem"));

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private AuditCheckpoint Signed => AuditCheckpoint.Sign(_key, 121, new string('a', 64), At.AddTicks(12_345));

    [Fact]
    public void A_checkpoint_verifies_only_while_every_field_is_as_signed()
    {
        var checkpoint = Signed;

        Assert.True(checkpoint.IsSignedBy(_key));
        Assert.False((checkpoint with { Seq = 120 }).IsSignedBy(_key));
        Assert.False((checkpoint with { Hash = new string('b', 64) }).IsSignedBy(_key));
        Assert.False((checkpoint with { SignedAt = checkpoint.SignedAt.AddSeconds(1) }).IsSignedBy(_key));
        Assert.False((checkpoint with { KeyFingerprint = new string('0', 64) }).IsSignedBy(_key));
        Assert.False((checkpoint with { Signature = "not base64!" }).IsSignedBy(_key));
    }

    [Fact]
    public void A_checkpoint_signed_by_another_key_does_not_verify_even_under_this_keys_name()
    {
        using var other = AuditSigningKey.LoadOrCreate(Path.Combine(_folder, "other.pem"));
        var forged = AuditCheckpoint.Sign(other, 121, new string('a', 64), At);

        Assert.NotEqual(_key.Fingerprint, other.Fingerprint);
        Assert.False(forged.IsSignedBy(_key));
        Assert.False((forged with { KeyFingerprint = _key.Fingerprint, PublicKey = _key.PublicKey }).IsSignedBy(_key));
    }

    [Fact]
    public void The_exported_file_reads_back_as_the_same_checkpoint()
    {
        var checkpoint = Signed;

        var read = AuditCheckpointFile.Read(AuditCheckpointFile.Write(checkpoint), "checkpoint");

        Assert.Equal(checkpoint, read);
        Assert.True(read.IsSignedBy(_key));
    }

    [Theory]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("{", "is not JSON")]
    [InlineData("""{"format":"assettrace-audit-checkpoint/2"}""", "has format")]
    [InlineData("""{"format":"assettrace-audit-checkpoint/1","seq":-1}""", "needs 'seq'")]
    [InlineData("""{"format":"assettrace-audit-checkpoint/1","seq":3,"signedAt":"yesterday"}""", "needs 'signedAt'")]
    [InlineData("""{"format":"assettrace-audit-checkpoint/1","seq":3,"signedAt":"2026-11-28T09:00:00.000000Z"}""", "needs 'hash'")]
    public void A_file_that_is_not_an_export_names_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<UserInputException>(() => AuditCheckpointFile.Read(json, "checkpoint"));

        Assert.Equal("checkpoint", Assert.Single(error.Errors).Field);
        Assert.Contains(expected, error.Errors[0].Message, StringComparison.Ordinal);
    }
}
