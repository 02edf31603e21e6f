using AssetTrace.Mail;

namespace AssetTrace.UnitTests.Mail;

public sealed class ReplyTokenTests
{
    [Fact]
    public void A_token_goes_into_the_desk_address_as_a_plus_address_and_comes_back_out()
    {
        var token = ReplyToken.New();

        var address = ReplyToken.Address("desk@assettrace.test", token);

        Assert.Equal($"desk+{token}@assettrace.test", address);
        Assert.Equal(token, ReplyToken.Parse(address, "desk@assettrace.test"));
        Assert.Matches("^[a-z2-9]{16}$", token);
    }

    [Theory]
    [InlineData("desk@assettrace.test")]
    [InlineData("desk+@assettrace.test")]
    [InlineData("desk+abc@other.example.test")]
    [InlineData("deskx+abc@assettrace.test")]
    [InlineData("partner+abc@carin.example.test")]
    public void Other_addresses_carry_no_token(string address) => Assert.Null(ReplyToken.Parse(address, "desk@assettrace.test"));

    [Fact]
    public void Case_changed_on_the_way_does_not_lose_the_token() =>
        Assert.Equal("k7m2p9", ReplyToken.Parse("DESK+K7M2P9@AssetTrace.Test", "desk@assettrace.test"));

    [Fact]
    public void Message_ids_are_kept_with_brackets() =>
        Assert.Equal(("<a@b>", "<a@b>", "a@b", (string?)null), (MessageIds.Bracket("a@b"), MessageIds.Bracket(" <a@b> "), MessageIds.Unbracket("<a@b>"), MessageIds.Bracket(" ")));
}
