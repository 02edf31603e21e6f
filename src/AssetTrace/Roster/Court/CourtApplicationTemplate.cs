namespace AssetTrace.Roster.Court;

/// <summary>
/// The court application's words in one language (#16): Kazakh and Russian for the court, English for
/// partners abroad, as for the notice. {0} in <see cref="WithheldPaths"/> is how many paths were left out.
/// </summary>
public sealed record CourtApplicationTemplate
{
    public static readonly CourtApplicationTemplate Kazakh = new()
    {
        Language = "kk",
        Title = "Заңсыз иемденілген активтерді мемлекет кірісіне айналдыру туралы өтініш (жоба)",
        Number = "Тізілімдегі нөмірі",
        Person = "Тұлға",
        Body = "Активтердің шығу тегінің заңдылығын дәлелдеу мерзімі өтті. Төмендегі активтердің шығу тегінің заңдылығы дәлелденбеді; әрқайсысы бойынша иелік ету жолдары мен мәліметтер көздері көрсетілген.",
        Source = "Дереккөз",
        Withheld = "көздің келісімінсіз барлау сипатындағы мәліметтер келтірілмейді",
        WithheldPaths = "Көздің келісімі жоқ мәліметтерге негізделген және өтінішке енгізілмеген жолдар: {0}.",
    };

    public static readonly CourtApplicationTemplate Russian = new()
    {
        Language = "ru",
        Title = "Заявление об обращении в доход государства незаконно приобретённых активов (проект)",
        Number = "Номер в реестре",
        Person = "Лицо",
        Body = "Срок для доказательства законности происхождения активов истёк. Законность происхождения следующих активов не доказана; по каждому указаны пути владения и источники сведений.",
        Source = "Источник",
        Withheld = "сведения разведывательного характера без согласия источника не приводятся",
        WithheldPaths = "Путей, основанных на сведениях без согласия источника и не приводимых в заявлении: {0}.",
    };

    public static readonly CourtApplicationTemplate English = new()
    {
        Language = "en",
        Title = "Application for the forfeiture of illegally acquired assets to the State (draft)",
        Number = "Roster number",
        Person = "Person",
        Body = "The time to prove the lawful origin of the assets has passed. The lawful origin of the following assets was not proven; for each, the ownership paths and the sources of the information are given.",
        Source = "Source",
        Withheld = "intelligence is not cited without the provider's consent",
        WithheldPaths = "Paths resting on information without the provider's consent, left out of this application: {0}.",
    };

    public static readonly IReadOnlyList<CourtApplicationTemplate> All = [Kazakh, Russian, English];

    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string Number { get; init; }

    public required string Person { get; init; }

    public required string Body { get; init; }

    public required string Source { get; init; }

    /// <summary>Said in place of an asset's source when it is intelligence without consent.</summary>
    public required string Withheld { get; init; }

    public required string WithheldPaths { get; init; }

    public static CourtApplicationTemplate For(string language) =>
        All.FirstOrDefault(t => t.Language == language)
        ?? throw new Common.UserInputException("language", $"'{language}' is not a court application language: use one of {string.Join(", ", All.Select(t => t.Language))}.");
}
