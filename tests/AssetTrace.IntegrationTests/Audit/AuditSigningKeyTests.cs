using AssetTrace.Audit.Checkpoints;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Audit;

/// <summary>The signing key file on a real file system: made owner-only, refused when others may read it or when it is damaged.</summary>
// File modes are what is under test; the tests run on Linux (./test.sh needs Debian).
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditSigningKeyTests : IDisposable
{
    private readonly string _folder = TempFolder.NewPath();
    private readonly TestStores _stores = new();

    private string KeyPath => Path.Combine(_folder, "keys", "audit-signing.pem");

    public void Dispose()
    {
        _stores.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_key_file_is_made_readable_by_its_owner_only_and_loaded_again_later()
    {
        string fingerprint;
        using (var created = AuditSigningKey.LoadOrCreate(KeyPath))
        {
            Assert.True(created.Created);
            fingerprint = created.Fingerprint;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(KeyPath)!));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(KeyPath), StringComparison.Ordinal);
        using var loaded = AuditSigningKey.LoadOrCreate(KeyPath);
        Assert.False(loaded.Created);
        Assert.Equal(fingerprint, loaded.Fingerprint);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Processes_starting_together_end_up_with_one_key()
    {
        var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => AuditSigningKey.LoadOrCreate(KeyPath)).ToList();

        Assert.Single(keys.Select(k => k.Fingerprint).Distinct());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(KeyPath)!));
        keys.ForEach(k => k.Dispose());
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, "0640")]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, "0644")]
    public void A_key_file_others_may_read_is_refused(UnixFileMode mode, string octal)
    {
        AuditSigningKey.LoadOrCreate(KeyPath).Dispose();
        File.SetUnixFileMode(KeyPath, mode);

        var refused = Assert.Throws<AuditKeyException>(() => AuditSigningKey.LoadOrCreate(KeyPath));

        Assert.Contains($"{KeyPath} may be read or changed by other accounts (mode {octal})", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {KeyPath}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_folder_others_may_write_is_refused()
    {
        AuditSigningKey.LoadOrCreate(KeyPath).Dispose();
        var folder = Path.GetDirectoryName(KeyPath)!;
        File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);

        var refused = Assert.Throws<AuditKeyException>(() => AuditSigningKey.LoadOrCreate(KeyPath));

        Assert.Contains($"chmod 700 {folder}", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a key at all\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX==\n-----END PUBLIC KEY-----\n")]
    public void A_damaged_key_file_is_refused_with_what_to_do(string content)
    {
        AuditSigningKey.LoadOrCreate(KeyPath).Dispose();
        File.WriteAllText(KeyPath, content);

        var refused = Assert.Throws<AuditKeyException>(() => AuditSigningKey.LoadOrCreate(KeyPath));

        Assert.StartsWith($"The audit signing key {KeyPath} is damaged (", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Restore it from your backup", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_another_curve_is_refused()
    {
        AuditSigningKey.LoadOrCreate(KeyPath).Dispose();
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        File.WriteAllText(KeyPath, p384.ExportPkcs8PrivateKeyPem());

        var refused = Assert.Throws<AuditKeyException>(() => AuditSigningKey.LoadOrCreate(KeyPath));

        Assert.Contains("it is not an ECDSA P-256 private key", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_server_does_not_start_on_a_damaged_key(StoreKind kind)
    {
        var settings = await _stores.CreateAsync(kind);
        settings["Audit:SigningKeyPath"] = KeyPath;
        AuditSigningKey.LoadOrCreate(KeyPath).Dispose();
        File.WriteAllText(KeyPath, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");

        var refused = await Assert.ThrowsAsync<AuditKeyException>(() => ServerHarness.StartAsync(settings));

        Assert.Contains(KeyPath, refused.Message, StringComparison.Ordinal);
    }
}
