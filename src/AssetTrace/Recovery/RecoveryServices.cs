using AssetTrace.Recovery.Assistant;
using AssetTrace.Recovery.Figures;
using AssetTrace.Recovery.Steps;
using AssetTrace.Recovery.Tasks;

namespace AssetTrace.Recovery;

public static class RecoveryServices
{
    /// <summary>Cases through the steps of recovery, the office's figures, the assistant and the case's tasks (#17).</summary>
    public static IServiceCollection AddRecovery(this IServiceCollection services)
    {
        services.AddSingleton<RecoveryLedger>();
        services.AddSingleton<RecoveryFigureReader>();
        services.AddSingleton<PlaybookLoader>();
        services.AddSingleton<PlaybookSource>();
        services.AddSingleton<RecoveryAssistant>();
        services.AddSingleton<RecoveryTasks>();
        return services;
    }
}
