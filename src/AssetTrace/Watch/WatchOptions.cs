namespace AssetTrace.Watch;

/// <summary>Section "Watch" of the configuration.</summary>
public sealed class WatchOptions
{
    /// <summary>The folder of source files, one *.json per source (relative paths are from the binary's folder).</summary>
    public string SourcesDirectory { get; set; } = "watch-sources";
}
