using System.Text.Json;
using AssetTrace.Matching;

namespace AssetTrace.UnitTests.Matching;

public sealed class SharedStringsTests
{
    [Fact]
    public void Equal_values_read_apart_come_back_as_one_instance_up_to_the_bound()
    {
        var shared = new SharedStrings(capacity: 2);
        var first = shared.Share(new string("KZ".AsSpan()));
        var again = shared.Share(new string("KZ".AsSpan()));
        Assert.Same(first, again);

        Assert.Same(shared.Share("1965-04-17"), shared.Share(new string("1965-04-17".AsSpan())));
        // Past the bound a new value is returned as it came, not kept.
        var third = new string("GB".AsSpan());
        Assert.Same(third, shared.Share(third));
        Assert.NotSame(third, shared.Share(new string("GB".AsSpan())));
        Assert.Null(shared.Share(null));
    }

    [Fact]
    public void Subjects_read_for_the_index_share_their_repeated_values_and_keep_every_name()
    {
        var shared = new SharedStrings();
        using var one = JsonDocument.Parse("""{"nationality":"KZ","birthDate":"1965-04-17","alternateNames":["Akhmetov Serik"],"personalId":"650417300123"}""");
        using var two = JsonDocument.Parse("""{"nationality":"KZ","birthDate":"1965-04-17"}""");

        var a = MatchSubjects.Of("Ахметов Серик", one.RootElement, shared);
        var b = MatchSubjects.Of("Ахметова Айгуль", two.RootElement, shared);

        Assert.Equal(["Ахметов Серик", "Akhmetov Serik"], a.Names);
        Assert.Equal(["650417300123"], a.Identifiers!);
        Assert.Null(b.Identifiers);
        Assert.Same(a.Country, b.Country);
        Assert.Same(a.BirthDate, b.BirthDate);
        var plain = MatchSubjects.Of("Ахметов Серик", one.RootElement);
        Assert.Equal((plain.Country, plain.BirthDate), (a.Country, a.BirthDate));
        Assert.Equal(plain.Names, a.Names);
        Assert.Equal(plain.Identifiers!, a.Identifiers!);
    }
}
