using System.Net;
using AssetTrace.Accounts;

namespace AssetTrace.UnitTests.Accounts;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void IPv4_counts_by_address_and_IPv6_by_its_64_bit_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_key() => Assert.Equal("unknown", ClientAddress.Key(null));
}
