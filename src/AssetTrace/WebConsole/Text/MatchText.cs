using AssetTrace.Matching;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// How the search page explains a match (#14): the score and each part's agreement named in the
/// page's language, not by its code.
/// </summary>
public sealed class MatchText
{
    public required string ColumnScore { get; init; }
    public required string ColumnWhy { get; init; }
    public required string MoreThan { get; init; }
    public required IReadOnlyDictionary<MatchHow, string> Hows { get; init; }

    public string Of(MatchHow how) => Hows[how];

    public static MatchText Russian { get; } = new()
    {
        ColumnScore = "Сходство",
        ColumnWhy = "Почему",
        MoreThan = "более {0}",
        Hows = new Dictionary<MatchHow, string>
        {
            [MatchHow.Exact] = "совпадает",
            [MatchHow.Transliteration] = "транслитерация",
            [MatchHow.Initial] = "инициал",
            [MatchHow.Typo] = "опечатка",
            [MatchHow.Prefix] = "начало слова",
            [MatchHow.FeminineForm] = "женская форма",
            [MatchHow.LegalForm] = "организационная форма",
            [MatchHow.LegalFormDiffers] = "другая организационная форма",
            [MatchHow.MissingPatronymic] = "без отчества",
            [MatchHow.MissingSurnamePart] = "часть двойной фамилии",
            [MatchHow.NotInQuery] = "нет в запросе",
            [MatchHow.Unmatched] = "не совпадает",
            [MatchHow.BirthDateAgrees] = "дата рождения совпадает",
            [MatchHow.BirthDateDiffers] = "другая дата рождения",
            [MatchHow.CountryAgrees] = "страна совпадает",
            [MatchHow.CountryDiffers] = "другая страна",
            [MatchHow.IdentifierAgrees] = "идентификатор совпадает",
            [MatchHow.IdentifierDiffers] = "другой идентификатор",
        },
    };

    public static MatchText English { get; } = new()
    {
        ColumnScore = "Score",
        ColumnWhy = "Why",
        MoreThan = "more than {0}",
        Hows = new Dictionary<MatchHow, string>
        {
            [MatchHow.Exact] = "exact",
            [MatchHow.Transliteration] = "transliteration",
            [MatchHow.Initial] = "initial",
            [MatchHow.Typo] = "typing error",
            [MatchHow.Prefix] = "start of the word",
            [MatchHow.FeminineForm] = "feminine form",
            [MatchHow.LegalForm] = "legal form",
            [MatchHow.LegalFormDiffers] = "another legal form",
            [MatchHow.MissingPatronymic] = "no patronymic",
            [MatchHow.MissingSurnamePart] = "part of a double surname",
            [MatchHow.NotInQuery] = "not in the query",
            [MatchHow.Unmatched] = "does not match",
            [MatchHow.BirthDateAgrees] = "birth date agrees",
            [MatchHow.BirthDateDiffers] = "another birth date",
            [MatchHow.CountryAgrees] = "country agrees",
            [MatchHow.CountryDiffers] = "another country",
            [MatchHow.IdentifierAgrees] = "identifier agrees",
            [MatchHow.IdentifierDiffers] = "another identifier",
        },
    };
}
