namespace AssetTrace.Demo;

public sealed class DemoCase
{
    public Task LoadOnceAsync(CancellationToken ct) => Task.CompletedTask;
}
