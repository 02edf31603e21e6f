using System.Security.Cryptography;
using System.Text;

namespace AssetTrace.Audit.Checkpoints;

/// <summary>
/// The ECDSA P-256 key that signs audit checkpoints. It lives in a PEM file outside the
/// database, readable by the server's account only, so that someone who can write the
/// database cannot sign a checkpoint for a log they have cut or rewritten (#11).
/// The file is created on first use; an existing file that others may read, or that does
/// not hold a P-256 private key, stops the process with a message that says what to do.
/// </summary>
public sealed class AuditSigningKey : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OthersAnything = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly ECDsa _key;

    private AuditSigningKey(string path, ECDsa key, bool created)
    {
        Path = path;
        _key = key;
        Created = created;
        PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        Fingerprint = FingerprintOf(key.ExportSubjectPublicKeyInfo());
    }

    public string Path { get; }

    /// <summary>True when this process made the key file, i.e. nothing was signed with it before.</summary>
    public bool Created { get; }

    /// <summary>The public key as base64 SubjectPublicKeyInfo, stored with each checkpoint.</summary>
    public string PublicKey { get; }

    /// <summary>SHA-256 of the public key (hex): names the key in checkpoints and in messages.</summary>
    public string Fingerprint { get; }

    /// <summary>Loads the key at <paramref name="path"/>, creating it (0600, in a 0700 folder) when there is none.</summary>
    public static AuditSigningKey LoadOrCreate(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            TryCreate(path);
            if (File.Exists(path))
            {
                return Load(path, created: true);
            }
        }
        return Load(path, created: false);
    }

    public string Sign(byte[] message) =>
        Convert.ToBase64String(_key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>Whether <paramref name="signature"/> (base64) is this key's signature of <paramref name="message"/>.</summary>
    public bool Verifies(byte[] message, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && _key.VerifyData(message, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public static string FingerprintOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public void Dispose() => _key.Dispose();

    private static void TryCreate(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem() + "\n");
        // Written whole beside the target, then moved in without overwriting: a second process
        // starting at the same moment either wins the move or loads the winner's key, and
        // nobody ever reads a half-written file.
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(pem);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static AuditSigningKey Load(string path, bool created)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & OthersAnything) != 0)
            {
                throw new AuditKeyException(
                    $"The audit signing key {path} may be read or changed by other accounts (mode {Octal(mode)}); it must be readable by the server's account only. " +
                    $"If nobody else can have read it, run 'chmod 600 {path}'. If someone may have, treat the key as exposed: whoever holds it can sign a rewritten log, " +
                    "so verify the log against a checkpoint exported earlier (audit verify --checkpoint FILE) before trusting it.");
            }
            var folder = System.IO.Path.GetDirectoryName(path)!;
            var folderMode = File.GetUnixFileMode(folder);
            if ((folderMode & OthersWrite) != 0)
            {
                throw new AuditKeyException(
                    $"The folder of the audit signing key, {folder}, may be written by other accounts (mode {Octal(folderMode)}), who could replace the key. " +
                    $"Run 'chmod 700 {folder}' or set Audit:SigningKeyPath to a file in a folder only the server's account can write.");
            }
        }
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditKeyException($"The audit signing key {path} cannot be read: {e.Message}", e);
        }
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.ExportParameters(includePrivateParameters: true) is not { D: not null } parameters
                || parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new CryptographicException("it is not an ECDSA P-256 private key");
            }
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new AuditKeyException(
                $"The audit signing key {path} is damaged ({e.Message.TrimEnd('.')}). Restore it from your backup: a new key cannot verify " +
                "the checkpoints signed so far. Only on a store whose audit log is empty may the file be deleted so that a new key is made.", e);
        }
        return new AuditSigningKey(path, key, created);
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
