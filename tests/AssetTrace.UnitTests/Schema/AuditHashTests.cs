using AssetTrace.Audit;

namespace AssetTrace.UnitTests.Schema;

public sealed class AuditHashTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 30, 15, 123, 456, TimeSpan.Zero);

    [Fact]
    public void The_hash_depends_on_every_field_and_the_previous_hash()
    {
        var original = AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/x", null, "{}", null);
        string[] variants =
        [
            AuditHash.Compute(new string('1', 64), 1, At, "analyst1", "node.created", "node/x", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 2, At, "analyst1", "node.created", "node/x", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At.AddTicks(10), "analyst1", "node.created", "node/x", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst2", "node.created", "node/x", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.updated", "node/x", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/y", null, "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/x", "{}", "{}", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/x", null, "{ }", null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/x", null, "{}", "why"),
        ];
        Assert.All(variants, v => Assert.NotEqual(original, v));
        Assert.Equal(original, AuditHash.Compute(AuditHash.Genesis, 1, At, "analyst1", "node.created", "node/x", null, "{}", null));
    }

    [Fact]
    public void Fields_cannot_be_shifted_between_each_other() =>
        Assert.NotEqual(
            AuditHash.Compute(AuditHash.Genesis, 1, At, "ab", "c", "e", null, null, null),
            AuditHash.Compute(AuditHash.Genesis, 1, At, "a", "bc", "e", null, null, null));

    [Fact]
    public void Stamps_are_kept_to_the_microsecond_both_stores_hold() =>
        Assert.Equal(0, AuditHash.Truncate(At.AddTicks(7)).UtcTicks % 10);
}
