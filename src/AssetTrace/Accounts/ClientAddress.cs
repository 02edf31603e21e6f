using System.Net;
using System.Net.Sockets;

namespace AssetTrace.Accounts;

/// <summary>The client address that sign-in throttling counts failures against.</summary>
public static class ClientAddress
{
    /// <summary>
    /// IPv4 as it is (also when mapped into IPv6); IPv6 by its /64 network, because one subscriber
    /// usually holds a whole /64 and could otherwise try from a fresh address each time.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
