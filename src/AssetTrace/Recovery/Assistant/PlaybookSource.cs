namespace AssetTrace.Recovery.Assistant;

/// <summary>
/// The playbooks this server runs, loaded once from <c>Recovery:PlaybookDirectory</c> (default
/// reference-data/playbooks beside the binary); what failed to load is logged with file and line.
/// </summary>
public sealed class PlaybookSource(PlaybookLoader loader, IConfiguration configuration, ILogger<PlaybookSource> logger)
{
    private readonly Lazy<PlaybookSet> _set = new(() =>
    {
        var set = loader.Load(configuration["Recovery:PlaybookDirectory"] ?? PlaybookLoader.DefaultDirectory);
        foreach (var problem in set.Problems)
        {
            logger.LogWarning("Playbook not loaded: {Problem}", problem.ToString());
        }
        return set;
    });

    public PlaybookSet Current => _set.Value;
}
