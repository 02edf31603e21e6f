namespace AssetTrace.Roster.Notice;

/// <summary>
/// The notice to a person included in the roster, in one language (#16). {0} in <see cref="Body"/>
/// is the deadline as the notice states it. Kazakh, Russian and English, as the law requires the
/// state language and Russian, and partners abroad read English.
/// </summary>
public sealed record NoticeTemplate
{
    public static readonly NoticeTemplate Kazakh = new()
    {
        Language = "kk",
        Title = "Активтерді мемлекетке қайтару жөніндегі комиссияның тізіліміне енгізу туралы хабарлама",
        Number = "Тізілімдегі нөмірі",
        To = "Кімге",
        Case = "Іс",
        Decision = "Комиссияның шешімі",
        DecisionText = "{0} отырыс: жақтағандар {1}, қарсылар {2}, қалыс қалғандар {3}",
        DeliveredOn = "Хабарламаның тапсырылған күні",
        Deadline = "Заңдылығын дәлелдеу мерзімі",
        DeadlineFromDelivery = "хабарлама тапсырылған күннен бастап бір ай",
        Body = "«Заңсыз иемденілген активтерді мемлекетке қайтару туралы» Қазақстан Республикасының Заңына сәйкес Сіз Комиссияның тізіліміне енгізілдіңіз. Төменде аталған активтердің шығу тегінің заңдылығын {0} қоса алғанда дәлелдеуіңіз қажет. Бұл жасалмаған жағдайда уәкілетті орган активтерді мемлекет кірісіне айналдыру туралы өтінішпен сотқа жүгінеді.",
        Grounds = "Негіздер",
        Assets = "Активтер",
        Connected = "Байланысты тұлғалар",
    };

    public static readonly NoticeTemplate Russian = new()
    {
        Language = "ru",
        Title = "Уведомление о включении в реестр Комиссии по возврату активов государству",
        Number = "Номер в реестре",
        To = "Кому",
        Case = "Дело",
        Decision = "Решение Комиссии",
        DecisionText = "заседание {0}: за {1}, против {2}, воздержались {3}",
        DeliveredOn = "Дата вручения уведомления",
        Deadline = "Срок для доказательства законности",
        DeadlineFromDelivery = "один месяц со дня вручения уведомления",
        Body = "В соответствии с Законом Республики Казахстан «О возврате государству незаконно приобретённых активов» вы включены в реестр Комиссии. Вам надлежит доказать законность происхождения перечисленных ниже активов до {0} включительно. Если это не будет сделано, уполномоченный орган обратится в суд с заявлением об обращении активов в доход государства.",
        Grounds = "Основания",
        Assets = "Активы",
        Connected = "Связанные лица",
    };

    public static readonly NoticeTemplate English = new()
    {
        Language = "en",
        Title = "Notice of inclusion in the roster of the Asset Recovery Commission",
        Number = "Roster number",
        To = "To",
        Case = "Case",
        Decision = "Commission's decision",
        DecisionText = "meeting of {0}: {1} for, {2} against, {3} abstained",
        DeliveredOn = "Notice delivered on",
        Deadline = "Deadline to prove legality",
        DeadlineFromDelivery = "one month from the day this notice is delivered",
        Body = "Under the Law of the Republic of Kazakhstan \"On the Return of Illegally Acquired Assets to the State\" you have been included in the Commission's roster. You must prove the lawful origin of the assets listed below by {0} inclusive. If you do not, the authorised body will apply to court for their forfeiture to the State.",
        Grounds = "Grounds",
        Assets = "Assets",
        Connected = "Connected persons",
    };

    public static readonly IReadOnlyList<NoticeTemplate> All = [Kazakh, Russian, English];

    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string Number { get; init; }

    public required string To { get; init; }

    public required string Case { get; init; }

    public required string Decision { get; init; }

    /// <summary>{0} the meeting's date, {1} for, {2} against, {3} abstained.</summary>
    public required string DecisionText { get; init; }

    public required string DeliveredOn { get; init; }

    public required string Deadline { get; init; }

    /// <summary>What the notice says of the deadline before its delivery is recorded.</summary>
    public required string DeadlineFromDelivery { get; init; }

    public required string Body { get; init; }

    public required string Grounds { get; init; }

    public required string Assets { get; init; }

    public required string Connected { get; init; }

    public static NoticeTemplate For(string language) =>
        All.FirstOrDefault(t => t.Language == language)
        ?? throw new Common.UserInputException("language", $"'{language}' is not a notice language: use one of {string.Join(", ", All.Select(t => t.Language))}.");
}
