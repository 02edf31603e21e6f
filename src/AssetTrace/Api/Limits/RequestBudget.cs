namespace AssetTrace.Api.Limits;

/// <summary>
/// One request's limits while it runs: the leases its expensive fields hold and the bytes its
/// answer has grown to. The HTTP endpoint creates it, hands it to GraphQL.NET in the user
/// context, and disposes it once the answer is written.
/// </summary>
public sealed class RequestBudget(string user, int maxResponseBytes) : IDisposable
{
    public const string Key = "AssetTrace.RequestBudget";

    private long _responseBytes;

    public string User { get; } = user;

    public int MaxResponseBytes { get; } = maxResponseBytes;

    /// <summary>The answer's estimated size so far.</summary>
    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    /// <summary>How many expensive fields the operation selects (counted during validation).</summary>
    public int ExpensiveFields { get; set; }

    /// <summary>What the expensive-field rule took or was refused; null when the request has none.</summary>
    public ExpensiveFieldPermit? Permit { get; set; }

    /// <summary>Set once the answer grew past <see cref="MaxResponseBytes"/>; execution stops there.</summary>
    public bool ResponseTooLarge { get; private set; }

    /// <summary>Adds to the answer's estimated size; false once it is over the limit.</summary>
    public bool AddResponseBytes(long bytes)
    {
        if (Interlocked.Add(ref _responseBytes, bytes) <= MaxResponseBytes)
        {
            return true;
        }
        ResponseTooLarge = true;
        return false;
    }

    public static RequestBudget? Of(IDictionary<string, object?>? userContext) =>
        userContext?.TryGetValue(Key, out var value) == true ? value as RequestBudget : null;

    public void Dispose() => Permit?.Dispose();
}
