using AssetTrace.Recovery.Steps;

namespace AssetTrace.WebConsole.Text;

public sealed partial class RecoveryText
{
    public static RecoveryText Russian { get; } = new()
    {
        NavRecovery = "Возврат активов",
        NavFigures = "Показатели возврата",
        CasesTitle = "Возврат активов по делам",
        CasesNone = "Нет дел, над которыми вы работаете.",
        CaseTitle = "Дело {0}: возврат активов",
        AssetsTitle = "Активы по этапам",
        AssetsNone = "Ни один актив дела ещё не внесён.",
        Asset = "Актив",
        Country = "Страна",
        Step = "Этап",
        LastMove = "Последний шаг",
        Value = "Стоимость",
        Requests = "Запросы о нём",
        RecordTitle = "Записать шаг",
        Date = "Дата",
        Currency = "Валюта",
        JustificationKind = "Основание",
        Reference = "Реквизиты основания",
        Channel = "Как найден",
        UnrestrainedReason = "Причина конфискации без ареста (если ареста не было)",
        Record = "Записать",
        Recorded = "Шаг записан.",
        Correct = "Исправить последний шаг",
        CorrectReason = "Почему шаг ошибочен",
        AssistantTitle = "Рекомендации помощника",
        AssistantNone = "Помощник ничего не рекомендует.",
        Why = "Почему",
        Facts = "Факты",
        Accept = "Принять: подготовить проект запроса",
        AcceptTask = "Принять",
        Dismiss = "Отклонить",
        DismissReason = "Причина отклонения",
        Accepted = "Принято ({0})",
        Dismissed = "Отклонено ({0}): {1}",
        DraftMade = "Проект запроса",
        CannotDraft = "Нельзя подготовить: {0}",
        PlaybookProblems = "Не загружены правила",
        FiguresTitle = "Показатели возврата активов",
        FiguresHint = "Активы, достигшие каждого этапа, по годам, странам, видам преступлений и каналам; стоимость в долларах США на дату каждого шага. Только по делам, которые вы видите.",
        FiguresNone = "Пока нет записанных шагов.",
        ChartTitle = "Стоимость по этапам, USD",
        Year = "Год",
        CrimeType = "Вид преступления",
        Assets = "Активов",
        ValueUsd = "Стоимость, USD",
        Unvalued = "Без оценки",
        Restricted = "С ограничением",
        RestrictedNote = "Итоги включают {0} активов, сведения о которых ограничены делом: не передавайте их за пределы команды дела.",
        DownloadCsv = "Скачать CSV",
        Steps = new Dictionary<RecoveryStep, string>
        {
            [RecoveryStep.Identified] = "выявлен",
            [RecoveryStep.Traced] = "отслежен",
            [RecoveryStep.LinkEstablished] = "связь с преступлением доказана",
            [RecoveryStep.Frozen] = "арестован",
            [RecoveryStep.Seized] = "изъят",
            [RecoveryStep.Confiscated] = "конфискован",
            [RecoveryStep.Returned] = "возвращён",
            [RecoveryStep.Released] = "освобождён",
        },
        Channels = new Dictionary<DiscoveryChannel, string>
        {
            [DiscoveryChannel.NetworkRequest] = "запрос через сеть",
            [DiscoveryChannel.Mla] = "запрос о правовой помощи",
            [DiscoveryChannel.OpenSource] = "открытые источники",
            [DiscoveryChannel.Registry] = "реестр",
        },
        Justifications = new Dictionary<JustificationKind, string>
        {
            [Recovery.Steps.JustificationKind.Document] = "документ",
            [Recovery.Steps.JustificationKind.Request] = "запрос (id)",
            [Recovery.Steps.JustificationKind.CourtDecision] = "решение суда",
            [Recovery.Steps.JustificationKind.RosterAct] = "акт Комиссии",
        },
    };
}
