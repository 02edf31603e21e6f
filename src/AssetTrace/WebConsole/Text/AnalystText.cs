using AssetTrace.Analytics.Connections;
using AssetTrace.WebConsole.Timeline;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The texts of the analyst's pages (#13): holdings and wealth, the path finder, the as-of date, the
/// timeline and the dossier, in Russian and English. Texts with {0} take one argument.
/// </summary>
public sealed class AnalystText
{
    public required string NavPaths { get; init; }
    public required string AsOfLabel { get; init; }
    public required string AsOfApply { get; init; }
    public required string AsOfToday { get; init; }
    public required string AsOfShowing { get; init; }
    public required string OpenHoldings { get; init; }
    public required string OpenTimeline { get; init; }
    public required string OpenPaths { get; init; }
    public required string DownloadDossier { get; init; }
    public required string HoldingsTitle { get; init; }
    public required string HoldingsHeading { get; init; }
    public required string HoldingsNone { get; init; }
    public required string Asset { get; init; }
    public required string Kind { get; init; }
    public required string Controlled { get; init; }
    public required string UnknownInChain { get; init; }
    public required string WealthHeading { get; init; }
    public required string WealthOwn { get; init; }
    public required string WealthWithConnected { get; init; }
    public required string WealthThreshold { get; init; }
    public required string WealthCrosses { get; init; }
    public required string WealthCertainlyCrosses { get; init; }
    public required string WealthBelow { get; init; }
    public required string Value { get; init; }
    public required string Usd { get; init; }
    public required string NotConverted { get; init; }
    public required string NotConvertedNone { get; init; }
    public required string ConnectedHeading { get; init; }
    public required string ConnectedNone { get; init; }
    public required string ConnectedHow { get; init; }
    public required string ConnectedContribution { get; init; }
    public required string Hops { get; init; }
    public required string RedFlagsHeading { get; init; }
    public required string RedFlagsNone { get; init; }
    public required string PathsTitle { get; init; }
    public required string PathFrom { get; init; }
    public required string PathTo { get; init; }
    public required string PathMaxHops { get; init; }
    public required string PathFind { get; init; }
    public required string PathsFound { get; init; }
    public required string PathsNone { get; init; }
    public required string PathsChoose { get; init; }
    public required string PickSearch { get; init; }
    public required string PickChoose { get; init; }
    public required string PickNothing { get; init; }
    public required string TimelineTitle { get; init; }
    public required string TimelineNone { get; init; }
    public required string Date { get; init; }
    public required string Event { get; init; }
    public required string Details { get; init; }
    public required string DossierTitle { get; init; }
    public required string DossierIdentity { get; init; }
    public required string DossierPreparedBy { get; init; }
    public required string DossierPreparedAt { get; init; }
    public required string DossierAsOf { get; init; }
    public required string DossierToday { get; init; }
    public required string DossierHoldings { get; init; }
    public required string DossierPath { get; init; }
    public required string DossierRequests { get; init; }
    public required string DossierRequestsNone { get; init; }
    public required string DossierRestrictedNote { get; init; }
    public required string MarkRestricted { get; init; }
    public required string MarkIntelligence { get; init; }
    public required string DossierOnlyPersons { get; init; }

    public required IReadOnlyDictionary<TimelineEventKind, string> EventKinds { get; init; }
    public required IReadOnlyDictionary<ConnectionKind, string> ConnectionKinds { get; init; }

    public static AnalystText Russian { get; } = new()
    {
        NavPaths = "Поиск связей",
        AsOfLabel = "На дату",
        AsOfApply = "Применить",
        AsOfToday = "Сегодня",
        AsOfShowing = "Граф на {0}",
        OpenHoldings = "Активы и состояние",
        OpenTimeline = "Хронология",
        OpenPaths = "Найти связь",
        DownloadDossier = "Досье (PDF)",
        HoldingsTitle = "Активы и состояние: {0}",
        HoldingsHeading = "Прямые и косвенные владения",
        HoldingsNone = "Из фактов, доступных вам, владений не следует.",
        Asset = "Актив",
        Kind = "Вид",
        Controlled = "под контролем",
        UnknownInChain = "в цепочке есть неизвестная доля",
        WealthHeading = "Оценка состояния в долларах США",
        WealthOwn = "Лично",
        WealthWithConnected = "Со связанными лицами",
        WealthThreshold = "Порог реестра: {0} USD",
        WealthCrosses = "Может достигать порога реестра",
        WealthCertainlyCrosses = "Достигает порога реестра даже по нижней оценке",
        WealthBelow = "Ниже порога реестра",
        Value = "Стоимость",
        Usd = "USD",
        NotConverted = "Не учтено в оценке",
        NotConvertedNone = "Учтены все активы.",
        ConnectedHeading = "Связанные лица",
        ConnectedNone = "Связанных лиц не найдено.",
        ConnectedHow = "Связь",
        ConnectedContribution = "Вклад в оценку со связанными лицами",
        Hops = "Шагов",
        RedFlagsHeading = "Признаки риска",
        RedFlagsNone = "Признаков риска не найдено.",
        PathsTitle = "Поиск связей между двумя объектами",
        PathFrom = "От",
        PathTo = "До",
        PathMaxHops = "Не более звеньев",
        PathFind = "Найти пути",
        PathsFound = "Кратчайших путей: {0}",
        PathsNone = "Среди доступных вам фактов нет пути длиной до {0} звеньев.",
        PathsChoose = "Выберите оба объекта поиском.",
        PickSearch = "Искать",
        PickChoose = "Выбрать",
        PickNothing = "Ничего не найдено.",
        TimelineTitle = "Хронология: {0}",
        TimelineNone = "Датированных событий нет.",
        Date = "Дата",
        Event = "Событие",
        Details = "Подробности",
        DossierTitle = "Досье: {0}",
        DossierIdentity = "Личность",
        DossierPreparedBy = "Подготовил",
        DossierPreparedAt = "Дата подготовки",
        DossierAsOf = "Граф на дату",
        DossierToday = "сегодня",
        DossierHoldings = "Владения, пути и источники",
        DossierPath = "Путь",
        DossierRequests = "Направленные запросы",
        DossierRequestsNone = "Запросов об этом лице нет.",
        DossierRestrictedNote = "Сведения с пометкой «ограничено делом» доступны только группе дела; «только разведданные» не являются доказательством.",
        MarkRestricted = "[ОГРАНИЧЕНО ДЕЛОМ {0}]",
        MarkIntelligence = "[ТОЛЬКО РАЗВЕДДАННЫЕ — НЕ ДОКАЗАТЕЛЬСТВО]",
        DossierOnlyPersons = "досье составляется только на физическое лицо; «{0}» им не является.",
        EventKinds = new Dictionary<TimelineEventKind, string>
        {
            [TimelineEventKind.EntityValidFrom] = "действует с",
            [TimelineEventKind.EntityValidTo] = "действует по",
            [TimelineEventKind.FactValidFrom] = "начало связи",
            [TimelineEventKind.FactValidTo] = "конец связи",
            [TimelineEventKind.Recorded] = "внесено в граф",
            [TimelineEventKind.Changed] = "изменено",
            [TimelineEventKind.Deleted] = "удалено",
            [TimelineEventKind.RequestDrafted] = "подготовлен запрос",
            [TimelineEventKind.RequestSent] = "запрос отправлен",
            [TimelineEventKind.RequestAnswered] = "получен ответ",
            [TimelineEventKind.RequestClosed] = "запрос закрыт",
        },
        ConnectionKinds = new Dictionary<ConnectionKind, string>
        {
            [ConnectionKind.Family] = "родственник",
            [ConnectionKind.Associate] = "связанное лицо",
            [ConnectionKind.Nominee] = "номинал",
            [ConnectionKind.SharedDirectorship] = "общая должность директора",
            [ConnectionKind.SharedAddress] = "общий адрес",
        },
    };

    public static AnalystText English { get; } = new()
    {
        NavPaths = "Path finder",
        AsOfLabel = "As of",
        AsOfApply = "Apply",
        AsOfToday = "Today",
        AsOfShowing = "The graph as of {0}",
        OpenHoldings = "Holdings and wealth",
        OpenTimeline = "Timeline",
        OpenPaths = "Find a path",
        DownloadDossier = "Dossier (PDF)",
        HoldingsTitle = "Holdings and wealth: {0}",
        HoldingsHeading = "Direct and indirect holdings",
        HoldingsNone = "No holding follows from the facts you may see.",
        Asset = "Asset",
        Kind = "Kind",
        Controlled = "controlled",
        UnknownInChain = "a share in the chain is unknown",
        WealthHeading = "Estimated wealth in USD",
        WealthOwn = "Own",
        WealthWithConnected = "With connected persons",
        WealthThreshold = "Roster threshold: {0} USD",
        WealthCrosses = "May reach the roster threshold",
        WealthCertainlyCrosses = "Reaches the roster threshold even at the low estimate",
        WealthBelow = "Below the roster threshold",
        Value = "Value",
        Usd = "USD",
        NotConverted = "Not counted in the estimate",
        NotConvertedNone = "Every asset is counted.",
        ConnectedHeading = "Connected persons",
        ConnectedNone = "No connected person found.",
        ConnectedHow = "Connection",
        ConnectedContribution = "Adds to the estimate with connected persons",
        Hops = "Hops",
        RedFlagsHeading = "Red flags",
        RedFlagsNone = "No red flag found.",
        PathsTitle = "Path finder between two entities",
        PathFrom = "From",
        PathTo = "To",
        PathMaxHops = "At most links",
        PathFind = "Find paths",
        PathsFound = "Shortest paths: {0}",
        PathsNone = "No path of at most {0} links between them in the facts you may see.",
        PathsChoose = "Choose both entities with the search.",
        PickSearch = "Search",
        PickChoose = "Choose",
        PickNothing = "Nothing found.",
        TimelineTitle = "Timeline: {0}",
        TimelineNone = "No dated event.",
        Date = "Date",
        Event = "Event",
        Details = "Details",
        DossierTitle = "Dossier: {0}",
        DossierIdentity = "Identity",
        DossierPreparedBy = "Prepared by",
        DossierPreparedAt = "Prepared at",
        DossierAsOf = "Graph as of",
        DossierToday = "today",
        DossierHoldings = "Holdings, paths and sources",
        DossierPath = "Path",
        DossierRequests = "Requests sent",
        DossierRequestsNone = "No request about this person.",
        DossierRestrictedNote = "What is marked restricted to a case is for the case's team only; what is marked intelligence only is not evidence.",
        MarkRestricted = "[RESTRICTED TO CASE {0}]",
        MarkIntelligence = "[INTELLIGENCE ONLY — NOT EVIDENCE]",
        DossierOnlyPersons = "a dossier is made of a person; «{0}» is not one.",
        EventKinds = new Dictionary<TimelineEventKind, string>
        {
            [TimelineEventKind.EntityValidFrom] = "valid from",
            [TimelineEventKind.EntityValidTo] = "valid until",
            [TimelineEventKind.FactValidFrom] = "link begins",
            [TimelineEventKind.FactValidTo] = "link ends",
            [TimelineEventKind.Recorded] = "recorded in the graph",
            [TimelineEventKind.Changed] = "changed",
            [TimelineEventKind.Deleted] = "deleted",
            [TimelineEventKind.RequestDrafted] = "request drafted",
            [TimelineEventKind.RequestSent] = "request sent",
            [TimelineEventKind.RequestAnswered] = "answer received",
            [TimelineEventKind.RequestClosed] = "request closed",
        },
        ConnectionKinds = new Dictionary<ConnectionKind, string>
        {
            [ConnectionKind.Family] = "family",
            [ConnectionKind.Associate] = "associate",
            [ConnectionKind.Nominee] = "nominee",
            [ConnectionKind.SharedDirectorship] = "shared directorship",
            [ConnectionKind.SharedAddress] = "shared address",
        },
    };

    public string Format(string text, object? argument) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, argument);
}
