namespace AssetTrace.Watch;

/// <summary>Section "Watch" of the configuration.</summary>
public sealed class WatchOptions
{
    /// <summary>The folder of source files, one *.json per source (relative paths are from the binary's folder).</summary>
    public string SourcesDirectory { get; set; } = "watch-sources";

    /// <summary>The console's address as analysts open it, for the links in the lead notices (#15).</summary>
    public string ConsoleAddress { get; set; } = "http://127.0.0.1:5080/";
}
