using System.Security.Cryptography;
using AssetTrace.Interchange.Export;

namespace AssetTrace.Cli;

/// <summary>
/// Export files written first into a hidden staging folder beside their destination, then moved into
/// place only once the whole export has succeeded (#11): a failed or interrupted export leaves nothing
/// at the output, and what is moved is exactly what was hashed for the audit log.
/// </summary>
internal sealed class StagedExportTarget : IExportTarget, IDisposable
{
    private readonly string _folder;
    private readonly string? _singleFile;
    private readonly string _staging;
    private readonly List<(string Staged, string Final)> _files = [];
    private readonly List<string> _placed = [];
    private readonly string _destination;
    private readonly bool _destinationExisted;

    /// <param name="folder">The output folder; with <paramref name="singleFile"/>, the file's own path instead.</param>
    public StagedExportTarget(string folder, string? singleFile)
    {
        _folder = Path.GetFullPath(folder);
        _singleFile = singleFile is null ? null : Path.GetFullPath(singleFile);
        // Inside the destination folder, so that moving a file is a rename on the same file system.
        _destination = _singleFile is null ? _folder : Path.GetDirectoryName(_singleFile)!;
        _destinationExisted = Directory.Exists(_destination);
        _staging = Path.Combine(_destination, $".assettrace-export-{Guid.NewGuid():N}");
    }

    public Stream Create(string fileName)
    {
        var staged = Path.GetFullPath(Path.Combine(_staging, fileName));
        if (!staged.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The exporter named a file outside its folder: '{fileName}'.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        _files.Add((staged, _singleFile ?? Path.Combine(_folder, fileName)));
        return new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
    }

    /// <summary>The files as they will be placed: path, size and SHA-256 of the staged bytes.</summary>
    public async Task<IReadOnlyList<ExportedFile>> DescribeAsync(CancellationToken ct)
    {
        var described = new List<ExportedFile>();
        foreach (var (staged, final) in _files)
        {
            await using var stream = File.OpenRead(staged);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
            described.Add(new ExportedFile(final, stream.Length, hash));
        }
        return described;
    }

    /// <summary>Moves every staged file to its destination, replacing an earlier export's file of the same name.</summary>
    public void Place()
    {
        foreach (var (staged, final) in _files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(staged, final, overwrite: true);
            _placed.Add(final);
        }
    }

    /// <summary>Removes the files already placed, when what follows the move (the audit entry) fails.</summary>
    public void Unplace()
    {
        foreach (var placed in _placed)
        {
            File.Delete(placed);
        }
        _placed.Clear();
    }

    /// <summary>Removes the staging folder, and the destination folder too when this export created it and left it empty.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
        if (!_destinationExisted && Directory.Exists(_destination) && !Directory.EnumerateFileSystemEntries(_destination).Any())
        {
            Directory.Delete(_destination);
        }
    }
}

/// <summary>One file an export wrote, as the audit log records it.</summary>
internal sealed record ExportedFile(string Path, long Bytes, string Sha256);
