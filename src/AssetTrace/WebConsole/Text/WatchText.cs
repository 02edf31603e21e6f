namespace AssetTrace.WebConsole.Text;

/// <summary>The open-source watch's pages (#15): sources and runs, leads.</summary>
public sealed class WatchText
{
    public required string NavSources { get; init; }
    public required string NavLeads { get; init; }
    public required string SourcesTitle { get; init; }
    public required string SourcesHint { get; init; }
    public required string SourcesNone { get; init; }
    public required string ColumnSource { get; init; }
    public required string ColumnSchedule { get; init; }
    public required string ColumnState { get; init; }
    public required string ColumnLatestRun { get; init; }
    public required string Paused { get; init; }
    public required string Active { get; init; }
    public required string Running { get; init; }
    public required string NeverRun { get; init; }
    /// <summary>Names the five counts a run shows, in their order.</summary>
    public required string RunCountsLegend { get; init; }
    public required string LatestErrors { get; init; }
    public required string Start { get; init; }
    public required string Pause { get; init; }
    public required string Resume { get; init; }
    public required string Started { get; init; }
    public required string LeadsTitle { get; init; }
    public required string LeadsHint { get; init; }
    public required string LeadsNone { get; init; }
    public required string ShowOpen { get; init; }
    public required string ShowAll { get; init; }
    public required string MatchedText { get; init; }
    public required string Subject { get; init; }
    public required string Case { get; init; }
    public required string Snapshot { get; init; }
    public required string Score { get; init; }
    public required string Found { get; init; }
    public required string Accept { get; init; }
    public required string Dismiss { get; init; }
    public required string DismissReason { get; init; }
    public required string Accepted { get; init; }
    public required string Dismissed { get; init; }
    /// <summary>{0}: the fact written.</summary>
    public required string AcceptedFact { get; init; }
    /// <summary>The link to a run's or a lead's snapshots as a WARC file.</summary>
    public required string DownloadWarc { get; init; }
    public required string RosterEntry { get; init; }
    public required string NoticeAddress { get; init; }
    public required string NoticeSave { get; init; }
    /// <summary>{0}: the address saved.</summary>
    public required string NoticeSaved { get; init; }
    public required string NoticeNone { get; init; }

    public static WatchText Russian { get; } = new()
    {
        NavSources = "Источники",
        NavLeads = "Зацепки",
        SourcesTitle = "Открытые источники",
        SourcesHint = "Источники описаны файлами в папке Watch:SourcesDirectory; здесь их можно запустить, приостановить и возобновить.",
        SourcesNone = "Источников нет: положите файл источника в папку Watch:SourcesDirectory (примеры — в watch-sources/examples).",
        ColumnSource = "Источник",
        ColumnSchedule = "Расписание (cron, UTC)",
        ColumnState = "Состояние",
        ColumnLatestRun = "Последний обход",
        Paused = "приостановлен",
        Active = "активен",
        Running = "идёт",
        NeverRun = "ещё не запускался",
        RunCountsLegend = "получено · без изменений · изменено · ошибок · зацепок",
        LatestErrors = "Последние ошибки",
        Start = "Запустить",
        Pause = "Приостановить",
        Resume = "Возобновить",
        Started = "Обход источника «{0}» поставлен в очередь.",
        LeadsTitle = "Зацепки из открытых источников",
        LeadsHint = "Страницы, в которых найдены субъекты ваших дел. Принятая зацепка записывает факт в граф с копией страницы как источником.",
        LeadsNone = "Зацепок нет.",
        ShowOpen = "Только открытые",
        ShowAll = "Все",
        MatchedText = "Найдено",
        Subject = "Субъект",
        Case = "Дело",
        Snapshot = "Копия страницы",
        Score = "Сходство",
        Found = "Текст на странице",
        Accept = "Принять",
        Dismiss = "Отклонить",
        DismissReason = "Причина отклонения",
        Accepted = "принята",
        Dismissed = "отклонена",
        AcceptedFact = "Зацепка принята: в граф записан факт {0}.",
        DownloadWarc = "Скачать WARC",
        RosterEntry = "Запись реестра",
        NoticeAddress = "Ваш адрес для писем о новых зацепках по вашим делам",
        NoticeSave = "Сохранить адрес",
        NoticeSaved = "Письма о новых зацепках будут приходить на {0}.",
        NoticeNone = "Адрес удалён: писем о зацепках не будет.",
    };

    public static WatchText English { get; } = new()
    {
        NavSources = "Sources",
        NavLeads = "Leads",
        SourcesTitle = "Open sources",
        SourcesHint = "Sources are files in the Watch:SourcesDirectory folder; here they are started, paused and resumed.",
        SourcesNone = "No sources: put a source file in the Watch:SourcesDirectory folder (examples are in watch-sources/examples).",
        ColumnSource = "Source",
        ColumnSchedule = "Schedule (cron, UTC)",
        ColumnState = "State",
        ColumnLatestRun = "Latest run",
        Paused = "paused",
        Active = "active",
        Running = "running",
        NeverRun = "not run yet",
        RunCountsLegend = "fetched · unchanged · changed · failed · leads",
        LatestErrors = "Latest errors",
        Start = "Start",
        Pause = "Pause",
        Resume = "Resume",
        Started = "A run of the source '{0}' is queued.",
        LeadsTitle = "Leads from open sources",
        LeadsHint = "Pages that name subjects of your cases. Accepting a lead writes the fact into the graph with the page's snapshot as its source.",
        LeadsNone = "No leads.",
        ShowOpen = "Open only",
        ShowAll = "All",
        MatchedText = "Found",
        Subject = "Subject",
        Case = "Case",
        Snapshot = "Snapshot",
        Score = "Score",
        Found = "Text on the page",
        Accept = "Accept",
        Dismiss = "Dismiss",
        DismissReason = "Why it is dismissed",
        Accepted = "accepted",
        Dismissed = "dismissed",
        AcceptedFact = "Lead accepted: the fact {0} is in the graph.",
        DownloadWarc = "Download WARC",
        RosterEntry = "Roster entry",
        NoticeAddress = "Your address for e-mails about new leads on your cases",
        NoticeSave = "Save address",
        NoticeSaved = "E-mails about new leads will go to {0}.",
        NoticeNone = "Address removed: no e-mails about leads will be sent.",
    };
}
