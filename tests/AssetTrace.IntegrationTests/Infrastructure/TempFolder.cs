namespace AssetTrace.IntegrationTests.Infrastructure;

/// <summary>
/// A folder of its own under the temporary directory's <c>assettrace-tests</c>, deleted with
/// everything in it when disposed: each test class removes what it wrote (a run used to leave
/// about 75 MB of SQLite files, keys and exports behind, #12).
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = NewPath();
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path for a file or folder inside this one.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file with the given text here, for inputs written by the test itself.</summary>
    public string File(string name, string text)
    {
        var path = this[name];
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Delete(Path);

    /// <summary>A fresh, not yet created path under the tests' temporary folder.</summary>
    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assettrace-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Deletes a folder made by a test; a folder already gone is fine.</summary>
    public static void Delete(string? path)
    {
        if (path is not null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
