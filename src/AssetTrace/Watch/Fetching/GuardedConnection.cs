using System.Net;
using System.Net.Sockets;

namespace AssetTrace.Watch.Fetching;

/// <summary>
/// The crawler's HTTP handler (#15): it resolves each host itself and connects only to an address
/// <see cref="AddressGuard"/> lets through, unless the source allows that host an internal address.
/// Because the check happens in <see cref="SocketsHttpHandler.ConnectCallback"/>, the address checked is
/// the address connected to (no second lookup an attacker's DNS could answer differently).
/// </summary>
public static class GuardedConnection
{
    /// <summary>The hosts the request's source allows to be internal, carried on each request.</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlySet<string>> AllowedInternalHosts = new("assettrace.watch.allowedInternalHosts");

    public static SocketsHttpHandler CreateHandler(IHostResolver resolver) => new()
    {
        // Every hop is checked by the fetcher against the source's hosts before it is followed.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        // A proxy would make the connected address the proxy's, and the check meaningless.
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        ConnectCallback = (context, ct) => ConnectAsync(resolver, context, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(IHostResolver resolver, SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.ToLowerInvariant();
        var allowed = context.InitialRequestMessage.Options.TryGetValue(AllowedInternalHosts, out var hosts) && hosts.Contains(host);
        var addresses = await resolver.ResolveAsync(host, ct);
        var usable = addresses.Where(a => allowed || !AddressGuard.IsInternal(a)).ToList();
        if (usable.Count == 0)
        {
            throw new RefusedAddressException(host, addresses);
        }
        Exception? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last!;
    }
}

/// <summary>A host that resolved only to addresses the crawler may not connect to.</summary>
public sealed class RefusedAddressException(string host, IPAddress[] addresses)
    : Exception($"'{host}' resolves to {(addresses.Length == 0 ? "no address" : string.Join(", ", addresses.Select(a => a.ToString())))}, an internal address the source does not allow; name the host in politeness.allowedPrivateHosts if it is meant")
{
    public string Host { get; } = host;
}
