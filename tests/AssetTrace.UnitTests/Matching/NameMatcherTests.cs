using System.Text;
using AssetTrace.Matching;

namespace AssetTrace.UnitTests.Matching;

public sealed class NameMatcherTests
{
    private const double Threshold = 0.8;

    [Theory]
    [InlineData("Ахметов Серик Болатович", "Serik Akhmetov", MatchHow.MissingPatronymic)]
    [InlineData("Ахметов Серик", "Achmetow Serik", MatchHow.Transliteration)]
    [InlineData("Серік Ахметов", "Akhmetov Serik", MatchHow.Transliteration)]
    [InlineData("Serik Akhmetov", "S. Akhmetov", MatchHow.Initial)]
    [InlineData("Ахметов Серик Болатович", "Ахметов С. Б.", MatchHow.Initial)]
    [InlineData("Serik Akhmetov", "Serik Akhmetiv", MatchHow.Typo)]
    [InlineData("Серик Ахметов", "Серик Ахметрв", MatchHow.Typo)]
    [InlineData("Евгений Петров", "Jewgeni Petrow", MatchHow.Transliteration)]
    [InlineData("Айгуль Сейткали-Ахметова", "Aigul Akhmetova", MatchHow.MissingSurnamePart)]
    [InlineData("Нұрлан Серікұлы Ахметов", "Nurlan Serikuly Akhmetov", MatchHow.Transliteration)]
    public void The_same_name_matches_and_says_how(string a, string b, MatchHow how)
    {
        var match = NameMatcher.Compare(a, b);
        Assert.True(match.Score >= Threshold, $"{a} / {b}: {match.Score}");
        Assert.Contains(match.Explanation, r => r.How == how);
        Assert.Equal(match.Score, NameMatcher.Compare(b, a).Score, 3);
    }

    [Theory]
    [InlineData("Serik Akhmetov", "Serik Akhmedov")]
    [InlineData("Ахметов Серик", "Ахметов Серикбай")]
    [InlineData("Ахметов Ерлан Болатович", "Ахметов Серик Болатович")] // brothers: surname and patronymic shared
    [InlineData("Серік Ахметов", "Серік Ахметова")]
    [InlineData("Нұрлан Серікұлы Ахметов", "Нұрлан Серікқызы Ахметова")]
    [InlineData("ТОО «Алтын Групп»", "Altyn Gold Group LLP")]
    [InlineData("S. Akhmetov", "B. Akhmetov")]
    public void Different_people_and_companies_with_close_names_stay_under_the_threshold(string a, string b)
    {
        var match = NameMatcher.Compare(a, b);
        Assert.True(match.Score < Threshold, $"{a} / {b}: {match.Score}");
    }

    [Fact]
    public void A_feminine_form_is_related_and_said_so()
    {
        var match = NameMatcher.Compare("Серік Ахметов", "Серік Ахметова");
        Assert.Contains(match.Explanation, r => r is { How: MatchHow.FeminineForm, Query: "ахметов", Candidate: "ахметова" });
        Assert.True(match.Score > NameMatcher.Compare("Серік Ахметов", "Серік Ахмедов").Score);
    }

    [Fact]
    public void Legal_forms_in_either_script_agree_and_weigh_little()
    {
        var match = NameMatcher.Compare("ТОО «Казахстан Темир Жолы»", "Kazakhstan Temir Zholy LLP");
        Assert.True(match.Score >= 0.95, match.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(match.Explanation, r => r is { How: MatchHow.LegalForm, Query: "тоо", Candidate: "llp" });
        var otherForm = NameMatcher.Compare("АО «Казахстан Темир Жолы»", "Kazakhstan Temir Zholy LLP");
        Assert.Contains(otherForm.Explanation, r => r.How == MatchHow.LegalFormDiffers);
        Assert.True(otherForm.Score >= Threshold && otherForm.Score < match.Score);
        Assert.Equal(1, NameMatcher.Compare("Altyn S.A.", "\"ALTYN\" SA").Score, 3);
    }

    [Fact]
    public void A_birth_date_or_identifier_supports_or_contradicts()
    {
        var name = "Serik Akhmetov";
        var plain = NameMatcher.Compare(name, "Серик Ахметов").Score;
        var sameYear = NameMatcher.Compare(new MatchSubject([name], "1968"), new MatchSubject(["Серик Ахметов"], "1968-03-02"));
        var otherYear = NameMatcher.Compare(new MatchSubject([name], "1968"), new MatchSubject(["Серик Ахметов"], "1994-03-02"));
        Assert.True(sameYear.Score > plain);
        Assert.True(otherYear.Score < Threshold);
        Assert.Contains(otherYear.Explanation, r => r.How == MatchHow.BirthDateDiffers);
        var sameId = NameMatcher.Compare(new MatchSubject(["S. Akhmetov"], Identifiers: ["680302 300 123"]), new MatchSubject(["Ахметов Серік"], Identifiers: ["680302300123"]));
        Assert.True(sameId.Score >= 0.95);
        Assert.Contains(sameId.Explanation, r => r.How == MatchHow.IdentifierAgrees);
        var otherId = NameMatcher.Compare(new MatchSubject([name], Identifiers: ["680302300123"]), new MatchSubject(["Серик Ахметов"], Identifiers: ["940302300999"]));
        Assert.True(otherId.Score < Threshold);
    }

    [Fact]
    public void A_search_query_need_not_name_every_word()
    {
        var match = NameMatcher.Search(MatchSubject.Named("Achmetow"), new MatchSubject(["Серік Ахметов", "Serik Akhmetov"]));
        Assert.True(match.Score >= Threshold, match.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(match.Explanation, r => r is { How: MatchHow.Transliteration, Query: "achmetow" });
        Assert.Contains(match.Explanation, r => r.How == MatchHow.NotInQuery);
        Assert.True(NameMatcher.Compare("Achmetow", "Серік Ахметов").Score < Threshold);
    }

    [Fact]
    public void A_search_finds_a_long_name_that_holds_every_query_word_and_ranks_a_shorter_one_first()
    {
        const string flat = "Flat 12, 41 Harrowby Crescent, London W2";
        var longName = NameMatcher.Search(MatchSubject.Named("Harrowby"), MatchSubject.Named(flat));
        var shorter = NameMatcher.Search(MatchSubject.Named("Harrowby"), MatchSubject.Named("Harrowby Crescent"));
        var started = NameMatcher.Search(MatchSubject.Named("Akhm"), MatchSubject.Named("Akhmetov Serik Bolatovich"));

        Assert.True(longName.Score >= Threshold, longName.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(6, longName.Explanation.Count(r => r.How == MatchHow.NotInQuery));
        Assert.True(shorter.Score > longName.Score);
        Assert.True(started.Score >= Threshold, started.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(started.Explanation, r => r is { How: MatchHow.Prefix, Query: "akhm", Candidate: "akhmetov" });
        // A whole-word lookup (screening, duplicates) still weighs every word of both names.
        Assert.True(NameMatcher.Compare("Harrowby", flat).Score < Threshold);
    }

    [Fact]
    public void A_Kazakh_patronymic_in_two_words_is_one_patronymic_which_a_source_may_leave_out()
    {
        var joined = NameMatcher.Compare("Ибрагимов Андрей Игорьұлы", "Ibragimov Andrey Igor' uly");
        var left = NameMatcher.Compare("Dmitriy Toqayev Timur uly", "Dmitriy Toqayev");
        Assert.True(joined.Score >= Threshold, joined.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(left.Score >= Threshold, left.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(left.Explanation, r => r is { How: MatchHow.MissingPatronymic, Query: "timuruly" });
    }

    [Theory]
    [InlineData("Altyn Logistika S.à r.l.", "Altyn Logistika S.a r.l.")]
    [InlineData("Caspian Trading Sp. z o.o.", "Caspian Trading sp.zoo")]
    [InlineData("Altyn Capital FZE", "Altyn Capital LLC")]
    [InlineData("АО «Kashagan Finance»", "AO <<Kashagan Finance>>")]
    public void Legal_forms_of_several_words_or_with_accents_are_recognised(string a, string b)
    {
        var match = NameMatcher.Compare(a, b);
        Assert.True(match.Score >= Threshold, match.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(match.Explanation, r => r.How == MatchHow.LegalForm);
    }

    [Fact]
    public void Two_initials_after_a_surname_stay_initials_not_a_legal_form()
    {
        var name = ParsedName.Parse("Ахметов S. A.");
        Assert.Empty(name.LegalForms);
        Assert.Equal(["s", "a"], name.Words.Where(w => w.IsInitial).Select(w => w.Text));
    }

    [Theory]
    [InlineData("Сергей Королёв")]
    [InlineData("José García S.à r.l.")]
    [InlineData("Әлия Қайратова Ерлан қызы")]
    [InlineData("İSTANBUL ŞİRKETİ A.Ş.")]
    public void A_name_reads_the_same_whether_its_accents_are_composed_or_not(string name)
    {
        // A name read as composed without the normaliser (the fast path) must read as the normaliser would have made it.
        var composed = ParsedName.Parse(name.Normalize(System.Text.NormalizationForm.FormC));
        var decomposed = ParsedName.Parse(name.Normalize(System.Text.NormalizationForm.FormD));
        Assert.NotEqual(name.Normalize(System.Text.NormalizationForm.FormC), name.Normalize(System.Text.NormalizationForm.FormD));
        Assert.Equal(composed.Words.Select(w => w.Text), decomposed.Words.Select(w => w.Text));
        Assert.Equal(composed.LegalForms, decomposed.LegalForms);
        Assert.Contains(composed.Words, w => !Ascii.IsValid(w.Text));
    }
}
