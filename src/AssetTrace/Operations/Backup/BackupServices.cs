namespace AssetTrace.Operations.Backup;

public static class BackupServices
{
    /// <summary>Backup and restore of the whole store, for the shell's <c>backup</c> and <c>restore</c> commands.</summary>
    public static IServiceCollection AddBackup(this IServiceCollection services) =>
        services.AddSingleton<StoreBackup>().AddSingleton<StoreRestore>();
}
