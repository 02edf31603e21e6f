namespace AssetTrace.Watch.Sources;

/// <summary>A source file that cannot be used: the message names the file, the field and what to write instead.</summary>
public sealed class SourceFileException(string file, string field, string message)
    : Exception($"Watch source file '{file}', field '{field}': {message}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
