using AssetTrace.Mail;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The request desk's texts (#13), in Russian and English, apart from <see cref="ConsoleText"/>'s
/// long list so the desk's pages change one file. Texts with {0} (and {1}) take arguments
/// (string.Format); names of statuses, urgencies, languages and checklist items are looked up by code.
/// </summary>
public sealed class DeskText
{
    public required string NavRequests { get; init; }
    public required string OutboxTitle { get; init; }
    public required string NewRequest { get; init; }
    public required string EditTitle { get; init; }
    public required string ApprovalsTitle { get; init; }
    public required string ApprovalsHint { get; init; }
    public required string ApprovalsNone { get; init; }
    public required string HoldingPenTitle { get; init; }
    public required string HoldingPenHint { get; init; }
    public required string HoldingPenEmpty { get; init; }
    public required string FiguresTitle { get; init; }
    public required string RequestTitle { get; init; }
    public required string RequestHeading { get; init; }
    public required string RequestCount { get; init; }
    public required string Status { get; init; }
    public required string Case { get; init; }
    public required string Network { get; init; }
    public required string Jurisdiction { get; init; }
    public required string ContactPoint { get; init; }
    public required string Urgency { get; init; }
    public required string Due { get; init; }
    public required string Number { get; init; }
    public required string Author { get; init; }
    public required string ApprovedBy { get; init; }
    public required string FailureReason { get; init; }
    public required string Any { get; init; }
    public required string Choose { get; init; }
    public required string FilterButton { get; init; }
    public required string Overdue { get; init; }
    public required string Route { get; init; }
    public required string Subjects { get; init; }
    public required string FindSubject { get; init; }
    public required string Add { get; init; }
    public required string Remove { get; init; }
    public required string Questions { get; init; }
    public required string FreeText { get; init; }
    public required string Basis { get; init; }
    public required string LegalBasis { get; init; }
    public required string Offence { get; init; }
    public required string AssetLink { get; init; }
    public required string Confidentiality { get; init; }
    public required string Restrictions { get; init; }
    public required string Languages { get; init; }
    public required string SaveDraft { get; init; }
    public required string UnsavedNumber { get; init; }
    public required string PreviewTitle { get; init; }
    public required string PreviewProblems { get; init; }
    public required string ChecklistTitle { get; init; }
    public required string ChecklistComplete { get; init; }
    public required string ChecklistMissing { get; init; }
    public required string GapCount { get; init; }
    public required string SeeGaps { get; init; }
    public required string YouWroteIt { get; init; }
    public required string Letters { get; init; }
    public required string DownloadPdf { get; init; }
    public required string Thread { get; init; }
    public required string ThreadEmpty { get; init; }
    public required string SentMail { get; init; }
    public required string ReceivedMail { get; init; }
    public required string At { get; init; }
    public required string Who { get; init; }
    public required string Event { get; init; }
    public required string Detail { get; init; }
    public required string Actions { get; init; }
    public required string Edit { get; init; }
    public required string Approve { get; init; }
    public required string Send { get; init; }
    public required string Note { get; init; }
    public required string Acknowledge { get; init; }
    public required string AnswerPartly { get; init; }
    public required string AnswerFully { get; init; }
    public required string AnswerHint { get; init; }
    public required string Close { get; init; }
    public required string WithdrawReason { get; init; }
    public required string Withdraw { get; init; }
    public required string Approved { get; init; }
    public required string Queued { get; init; }
    public required string Recorded { get; init; }
    public required string AssignTo { get; init; }
    public required string Assign { get; init; }
    public required string Assigned { get; init; }
    public required string ChooseRequest { get; init; }
    public required string OverdueTitle { get; init; }
    public required string OverdueNone { get; init; }
    public required string OpenAndOverdue { get; init; }
    public required string ChartTitle { get; init; }
    public required string ChartCaption { get; init; }
    public required string FiguresNone { get; init; }
    public required string AnsweredCount { get; init; }
    public required string MedianDays { get; init; }
    public required string AverageDays { get; init; }
    public required string OpenCount { get; init; }
    public required string OverdueCount { get; init; }
    public required string NoAnswerYet { get; init; }
    public required string DaysValue { get; init; }
    public required IReadOnlyDictionary<RequestStatus, string> Statuses { get; init; }
    public required IReadOnlyDictionary<Urgency, string> Urgencies { get; init; }
    public required IReadOnlyDictionary<OutboxStatus, string> OutboxStates { get; init; }
    public required IReadOnlyDictionary<string, string> LanguageNames { get; init; }
    public required IReadOnlyDictionary<string, string> ChecklistItems { get; init; }

    public string StatusName(RequestStatus status) => Statuses[status];

    public string UrgencyName(Urgency urgency) => Urgencies[urgency];

    public string OutboxState(OutboxStatus status) => OutboxStates[status];

    public string LanguageName(string code) => LanguageNames.GetValueOrDefault(code, code);

    /// <summary>A checklist item the office added to reference-data later is shown by its code.</summary>
    public string ChecklistItem(string code) => ChecklistItems.GetValueOrDefault(code, code);

    public static DeskText Russian { get; } = new()
    {
        NavRequests = "Запросы",
        OutboxTitle = "Запросы",
        NewRequest = "Новый запрос",
        EditTitle = "Правка проекта {0}",
        ApprovalsTitle = "На утверждение",
        ApprovalsHint = "Проекты запросов по вашим делам. Утвердить может руководитель, не писавший ни одной версии запроса, и только при полном перечне требований.",
        ApprovalsNone = "Нет проектов, ожидающих утверждения.",
        HoldingPenTitle = "Неразобранная почта",
        HoldingPenHint = "Входящие письма, которые не удалось связать с запросом. Выберите запрос и привяжите письмо.",
        HoldingPenEmpty = "Неразобранных писем нет.",
        FiguresTitle = "Просрочки и сроки ответа",
        RequestTitle = "Запрос",
        RequestHeading = "Запрос {0}",
        RequestCount = "Запросов: {0}",
        Status = "Статус",
        Case = "Дело",
        Network = "Сеть",
        Jurisdiction = "Запрашиваемое государство",
        ContactPoint = "Контактное лицо",
        Urgency = "Срочность",
        Due = "Срок ответа",
        Number = "Номер",
        Author = "Автор",
        ApprovedBy = "Утвердил",
        FailureReason = "Причина недоставки",
        Any = "Любой",
        Choose = "— выберите —",
        FilterButton = "Показать",
        Overdue = "Просрочен",
        Route = "Куда",
        Subjects = "Лица и активы",
        FindSubject = "Найти лицо, компанию или актив",
        Add = "Добавить",
        Remove = "Убрать",
        Questions = "Вопросы",
        FreeText = "Дополнительные вопросы (свободный текст)",
        Basis = "Основание",
        LegalBasis = "Правовое основание",
        Offence = "Описание преступления",
        AssetLink = "Связь активов с преступлением",
        Confidentiality = "Конфиденциальность",
        Restrictions = "Ограничения использования",
        Languages = "Языки письма (первый — основной)",
        SaveDraft = "Сохранить проект",
        UnsavedNumber = "(не сохранён)",
        PreviewTitle = "Письмо до сохранения",
        PreviewProblems = "Проект пока нельзя сохранить:",
        ChecklistTitle = "Требования запрашиваемого государства",
        ChecklistComplete = "Все требования выполнены.",
        ChecklistMissing = "Не хватает:",
        GapCount = "не хватает: {0}",
        SeeGaps = "Что не хватает",
        YouWroteIt = "Вы писали этот запрос",
        Letters = "Письма",
        DownloadPdf = "PDF ({0})",
        Thread = "Переписка",
        ThreadEmpty = "Писем пока нет.",
        SentMail = "Отправлено",
        ReceivedMail = "Получено",
        At = "Когда",
        Who = "Кто",
        Event = "Событие",
        Detail = "Подробности",
        Actions = "Действия",
        Edit = "Править",
        Approve = "Утвердить",
        Send = "Отправить",
        Note = "Примечание",
        Acknowledge = "Получение подтверждено",
        AnswerPartly = "Ответ получен частично",
        AnswerFully = "Ответ получен полностью",
        AnswerHint = "Факты из ответа вносятся на страницах лиц и активов или через API.",
        Close = "Закрыть",
        WithdrawReason = "Причина отзыва",
        Withdraw = "Отозвать",
        Approved = "Запрос {0} утверждён: {1}.",
        Queued = "Запрос {0} поставлен в очередь отправки: {1}.",
        Recorded = "Запрос {0}: {1}.",
        AssignTo = "Привязать к запросу",
        Assign = "Привязать",
        Assigned = "Письмо привязано к запросу {0}.",
        ChooseRequest = "выберите запрос, к которому относится письмо.",
        OverdueTitle = "Просроченные запросы",
        OverdueNone = "Просроченных запросов нет.",
        OpenAndOverdue = "Открыто / просрочено: {0}",
        ChartTitle = "Срок ответа по сетям",
        ChartCaption = "Медиана дней от отправки до первого ответа; те же цифры — в таблице ниже.",
        FiguresNone = "Ещё нет отправленных запросов.",
        AnsweredCount = "Отвечено",
        MedianDays = "Медиана, дней",
        AverageDays = "Среднее, дней",
        OpenCount = "Открыто",
        OverdueCount = "Просрочено",
        NoAnswerYet = "ответов ещё нет",
        DaysValue = "{0} дн.",
        Statuses = new Dictionary<RequestStatus, string>
        {
            [RequestStatus.Draft] = "Проект",
            [RequestStatus.Approved] = "Утверждён",
            [RequestStatus.Queued] = "В очереди отправки",
            [RequestStatus.Sent] = "Отправлен",
            [RequestStatus.Acknowledged] = "Получение подтверждено",
            [RequestStatus.PartlyAnswered] = "Отвечен частично",
            [RequestStatus.Answered] = "Отвечен",
            [RequestStatus.Closed] = "Закрыт",
            [RequestStatus.Withdrawn] = "Отозван",
            [RequestStatus.DeliveryFailed] = "Не доставлен",
        },
        Urgencies = new Dictionary<Urgency, string> { [Requests.Lifecycle.Urgency.Urgent] = "Срочно", [Requests.Lifecycle.Urgency.Normal] = "Обычная", [Requests.Lifecycle.Urgency.Low] = "Низкая" },
        OutboxStates = new Dictionary<OutboxStatus, string>
        {
            [OutboxStatus.Queued] = "в очереди", [OutboxStatus.Sending] = "отправляется", [OutboxStatus.Sent] = "принято сервером", [OutboxStatus.Failed] = "не отправлено",
        },
        LanguageNames = new Dictionary<string, string>
        {
            ["en"] = "английский", ["ru"] = "русский", ["fr"] = "французский", ["es"] = "испанский", ["ar"] = "арабский", ["zh"] = "китайский",
        },
        ChecklistItems = new Dictionary<string, string>
        {
            ["legal_basis"] = "Правовое основание",
            ["offence_description"] = "Описание преступления",
            ["link_asset_offence"] = "Связь активов с преступлением",
            ["subjects_identified"] = "Установление лиц",
            ["questions"] = "Вопросы",
            ["dual_criminality"] = "Двойная преступность",
            ["confidentiality_statement"] = "Просьба о конфиденциальности",
            ["reciprocity_assurance"] = "Гарантия взаимности",
        },
    };

    public static DeskText English { get; } = new()
    {
        NavRequests = "Requests",
        OutboxTitle = "Requests",
        NewRequest = "New request",
        EditTitle = "Edit draft {0}",
        ApprovalsTitle = "Approvals",
        ApprovalsHint = "Drafts of the cases you work on. A supervisor who wrote no version of a request approves it, once its checklist is complete.",
        ApprovalsNone = "No draft is waiting for approval.",
        HoldingPenTitle = "Holding pen",
        HoldingPenHint = "Inbound mail that matched no request. Choose the request it belongs to and assign it.",
        HoldingPenEmpty = "No mail is waiting in the holding pen.",
        FiguresTitle = "Overdue and turnaround",
        RequestTitle = "Request",
        RequestHeading = "Request {0}",
        RequestCount = "{0} requests",
        Status = "Status",
        Case = "Case",
        Network = "Network",
        Jurisdiction = "Requested state",
        ContactPoint = "Contact point",
        Urgency = "Urgency",
        Due = "Answer due",
        Number = "Number",
        Author = "Author",
        ApprovedBy = "Approved by",
        FailureReason = "Why it was not delivered",
        Any = "Any",
        Choose = "— choose —",
        FilterButton = "Show",
        Overdue = "Overdue",
        Route = "Where it goes",
        Subjects = "Subjects",
        FindSubject = "Find a person, company or asset",
        Add = "Add",
        Remove = "Remove",
        Questions = "Questions",
        FreeText = "Further questions (free text)",
        Basis = "Basis",
        LegalBasis = "Legal basis",
        Offence = "Description of the offence",
        AssetLink = "Link between the assets and the offence",
        Confidentiality = "Confidentiality",
        Restrictions = "Restrictions on use",
        Languages = "Languages of the letter (the first is the main one)",
        SaveDraft = "Save draft",
        UnsavedNumber = "(not saved)",
        PreviewTitle = "The letter before saving",
        PreviewProblems = "The draft cannot be saved yet:",
        ChecklistTitle = "The requested state's checklist",
        ChecklistComplete = "Nothing is missing.",
        ChecklistMissing = "Missing:",
        GapCount = "{0} missing",
        SeeGaps = "See what is missing",
        YouWroteIt = "You wrote this request",
        Letters = "Letters",
        DownloadPdf = "PDF ({0})",
        Thread = "Thread",
        ThreadEmpty = "No mail yet.",
        SentMail = "Sent",
        ReceivedMail = "Received",
        At = "When",
        Who = "Who",
        Event = "Event",
        Detail = "Detail",
        Actions = "Actions",
        Edit = "Edit",
        Approve = "Approve",
        Send = "Send",
        Note = "Note",
        Acknowledge = "Acknowledged",
        AnswerPartly = "Answered in part",
        AnswerFully = "Answered in full",
        AnswerHint = "The facts an answer establishes are entered on the entity pages or through the API.",
        Close = "Close",
        WithdrawReason = "Reason for withdrawing",
        Withdraw = "Withdraw",
        Approved = "Request {0} approved: {1}.",
        Queued = "Request {0} is queued for sending: {1}.",
        Recorded = "Request {0}: {1}.",
        AssignTo = "Assign to request",
        Assign = "Assign",
        Assigned = "The mail is assigned to request {0}.",
        ChooseRequest = "choose the request the mail belongs to.",
        OverdueTitle = "Overdue requests",
        OverdueNone = "No request is overdue.",
        OpenAndOverdue = "Open / overdue: {0}",
        ChartTitle = "Turnaround per network",
        ChartCaption = "Median days from sending to the first answer; the same figures are in the table below.",
        FiguresNone = "No request has been sent yet.",
        AnsweredCount = "Answered",
        MedianDays = "Median days",
        AverageDays = "Average days",
        OpenCount = "Open",
        OverdueCount = "Overdue",
        NoAnswerYet = "no answer yet",
        DaysValue = "{0} days",
        Statuses = new Dictionary<RequestStatus, string>
        {
            [RequestStatus.Draft] = "Draft",
            [RequestStatus.Approved] = "Approved",
            [RequestStatus.Queued] = "Queued for sending",
            [RequestStatus.Sent] = "Sent",
            [RequestStatus.Acknowledged] = "Acknowledged",
            [RequestStatus.PartlyAnswered] = "Answered in part",
            [RequestStatus.Answered] = "Answered",
            [RequestStatus.Closed] = "Closed",
            [RequestStatus.Withdrawn] = "Withdrawn",
            [RequestStatus.DeliveryFailed] = "Not delivered",
        },
        Urgencies = new Dictionary<Urgency, string> { [Requests.Lifecycle.Urgency.Urgent] = "Urgent", [Requests.Lifecycle.Urgency.Normal] = "Normal", [Requests.Lifecycle.Urgency.Low] = "Low" },
        OutboxStates = new Dictionary<OutboxStatus, string>
        {
            [OutboxStatus.Queued] = "queued", [OutboxStatus.Sending] = "sending", [OutboxStatus.Sent] = "accepted by the server", [OutboxStatus.Failed] = "failed",
        },
        LanguageNames = new Dictionary<string, string>
        {
            ["en"] = "English", ["ru"] = "Russian", ["fr"] = "French", ["es"] = "Spanish", ["ar"] = "Arabic", ["zh"] = "Chinese",
        },
        ChecklistItems = new Dictionary<string, string>
        {
            ["legal_basis"] = "Legal basis",
            ["offence_description"] = "Description of the offence",
            ["link_asset_offence"] = "Link between assets and offence",
            ["subjects_identified"] = "Subjects identified",
            ["questions"] = "Questions",
            ["dual_criminality"] = "Dual criminality",
            ["confidentiality_statement"] = "Confidentiality statement",
            ["reciprocity_assurance"] = "Assurance of reciprocity",
        },
    };
}
