using System.Net;
using System.Net.Sockets;

namespace AssetTrace.Watch.Fetching;

/// <summary>
/// Which addresses a page may not steer the crawler to (#15): the office's own network and the
/// machine itself. Checked on the address actually connected to (<see cref="GuardedConnection"/>),
/// so neither a redirect nor a DNS answer that changes between check and connect gets round it.
/// </summary>
public static class AddressGuard
{
    private static readonly (IPAddress Network, int Prefix)[] Internal4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // carrier-grade NAT
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, cloud metadata services
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // protocol assignments
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] Internal6 =
    [
        (IPAddress.Parse("::"), 128),           // unspecified
        (IPAddress.Parse("::1"), 128),          // loopback
        (IPAddress.Parse("fc00::"), 7),         // unique-local
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("fec0::"), 10),        // site-local (deprecated, still routed by some)
        (IPAddress.Parse("ff00::"), 8),         // multicast
        (IPAddress.Parse("64:ff9b::"), 96),     // NAT64: the IPv4 address it embeds is checked instead
    ];

    /// <summary>Whether the address is loopback, link-local, private, unique-local or otherwise not on the public internet.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsInternal(address.MapToIPv4());
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Internal4.Any(n => InNetwork(address, n.Network, n.Prefix));
        }
        if (InNetwork(address, Internal6[^1].Network, 96))
        {
            var bytes = address.GetAddressBytes();
            return IsInternal(new IPAddress(bytes[12..]));
        }
        return Internal6.Any(n => InNetwork(address, n.Network, n.Prefix));
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var full = prefix / 8;
        for (var i = 0; i < full; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }
        var rest = prefix % 8;
        return rest == 0 || (a[full] >> (8 - rest)) == (n[full] >> (8 - rest));
    }
}
