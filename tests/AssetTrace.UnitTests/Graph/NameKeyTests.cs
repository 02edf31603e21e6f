using AssetTrace.Graph.Names;

namespace AssetTrace.UnitTests.Graph;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Akhmetov", "Ahmetov")]
    [InlineData("Akhmetov", "Ахметов")]
    [InlineData("Ахметов", "AHMETOV")]
    [InlineData("Kairat", "Қайрат")]
    [InlineData("Kayrat", "Қайрат")]
    [InlineData("Zhumabayev", "Жұмабаев")]
    [InlineData("Jumabaev", "Жұмабаев")]
    [InlineData("Nazarbayev", "Назарбаев")]
    [InlineData("Nursultan", "Нұрсұлтан")]
    [InlineData("Kasym", "Қасым")]
    [InlineData("Qasym", "Қасым")]
    [InlineData("Aliya", "Әлия")]
    [InlineData("Oskemen", "Өскемен")]
    [InlineData("Uralsk", "Ұральск")]
    [InlineData("Uzbek", "Үзбек")]
    [InlineData("Ilyas", "Іляс")]
    [InlineData("Shchukin", "Щукин")]
    [InlineData("Tsoy", "Цой")]
    [InlineData("Evgeny", "Yevgeniy")]
    [InlineData("Aleksandr", "Alexandr")]
    [InlineData("Dmitry", "Дмитрий")]
    [InlineData("Hélène", "Helene")]
    [InlineData("Müller", "Mueller")]
    public void Spellings_of_one_name_share_a_key(string a, string b) =>
        Assert.Equal(NameKey.Keys(a), NameKey.Keys(b));

    [Theory]
    [InlineData("Akhmetov", "Akhmedov")]
    [InlineData("Serik", "Sergei")]
    public void Different_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKey.Keys(a), NameKey.Keys(b));

    [Fact]
    public void Word_order_and_punctuation_do_not_matter() =>
        Assert.Equal(NameKey.Keys("Akhmetov, Serik").Order(), NameKey.Keys("Серік Ахметов").Order());

    [Fact]
    public void A_name_without_letters_or_digits_has_no_keys() =>
        Assert.Empty(NameKey.Keys(" — «» "));
}
