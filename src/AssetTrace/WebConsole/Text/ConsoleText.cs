using AssetTrace.Graph.Model;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// Every text the console shows, in Russian and English (#13): one typed property per text, so a
/// page cannot name a text that does not exist and both languages are checked by the compiler.
/// Texts with {0} take one argument (string.Format).
/// </summary>
public sealed class ConsoleText
{
    public required string Code { get; init; }

    /// <summary>The request desk's texts (Components/Pages/Requests).</summary>
    public required DeskText Desk { get; init; }

    /// <summary>The roster's texts (Components/Pages/Roster, #16).</summary>
    public required RosterText Roster { get; init; }
    public required RecoveryText Recovery { get; init; }
    /// <summary>The open-source watch's texts (Components/Pages/Watch).</summary>
    public required WatchText Watch { get; init; }

    public required string Title { get; init; }
    public required string Welcome { get; init; }
    public required string WelcomeKazakh { get; init; }
    public required string SkipToContent { get; init; }
    public required string NavSearch { get; init; }
    public required string NavGraphiQL { get; init; }
    public required string SignedInAs { get; init; }
    public required string SignOut { get; init; }
    public required string Language { get; init; }
    public required string SignInTitle { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public required string SignInButton { get; init; }
    public required string SignInFailed { get; init; }
    public required string SignInThrottled { get; init; }
    public required string SignInMissing { get; init; }
    public required string SignedOut { get; init; }
    public required string SessionEnded { get; init; }
    public required string FormExpired { get; init; }
    public required string PasswordTitle { get; init; }
    public required string PasswordExplain { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string ConfirmPassword { get; init; }
    public required string PasswordButton { get; init; }
    public required string PasswordMismatch { get; init; }
    public required string PasswordRejected { get; init; }
    public required string SearchTitle { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    public required string SearchHint { get; init; }
    public required string SearchFound { get; init; }
    public required string SearchNone { get; init; }
    public required string ColumnName { get; init; }
    public required string ColumnTransliteration { get; init; }
    public required string ColumnKind { get; init; }
    public required string ShowMore { get; init; }
    public required string Properties { get; init; }
    public required string Identifiers { get; init; }
    public required string Facts { get; init; }
    public required string History { get; init; }
    public required string Source { get; init; }
    public required string Reference { get; init; }
    public required string Obtained { get; init; }
    public required string Restriction { get; init; }
    public required string IntelligenceOnly { get; init; }
    public required string RestrictedToCase { get; init; }
    public required string Link { get; init; }
    public required string With { get; init; }
    public required string Share { get; init; }
    public required string Valid { get; init; }
    public required string Version { get; init; }
    public required string Change { get; init; }
    public required string When { get; init; }
    public required string Who { get; init; }
    public required string Reason { get; init; }
    public required string OpenNetwork { get; init; }
    public required string OpenOwners { get; init; }
    public required string NetworkTitle { get; init; }
    public required string NetworkHelp { get; init; }
    public required string Expand { get; init; }
    public required string ExportPng { get; init; }
    public required string Exported { get; init; }
    public required string NodesInView { get; init; }
    public required string MoreLinks { get; init; }
    public required string Legend { get; init; }
    public required string LegendEvidence { get; init; }
    public required string LegendShare { get; init; }
    public required string OwnersTitle { get; init; }
    public required string OwnersNone { get; init; }
    public required string ByControl { get; init; }
    public required string Paths { get; init; }
    public required string ErrorNotFound { get; init; }
    public required string ErrorInput { get; init; }
    public required string ErrorForbidden { get; init; }
    public required string ErrorConflict { get; init; }
    public required string ErrorWarming { get; init; }
    public required string ErrorUnexpected { get; init; }
    public required string SignInAgain { get; init; }
    public required string Loading { get; init; }
    public required string NotFoundPage { get; init; }
    public required string Reconnecting { get; init; }
    public required string ReconnectFailed { get; init; }

    /// <summary>What each kind of fact is called on pages and in the network view, instead of its code.</summary>
    public required IReadOnlyDictionary<EdgeKind, string> EdgeKinds { get; init; }

    public string Of(EdgeKind kind) => EdgeKinds[kind];

    /// <summary>The analyst's pages: holdings and wealth, path finder, as-of date, timeline, dossier.</summary>
    public required AnalystText Analyst { get; init; }

    /// <summary>The network view's, search suggestions' and import and export pages' texts.</summary>
    public required NetworkText Network { get; init; }

    /// <summary>The search page's scores and explanations.</summary>
    public required MatchText Match { get; init; }

    public static ConsoleText Russian { get; } = new()
    {
        Analyst = AnalystText.Russian,
        Desk = DeskText.Russian,
        Roster = RosterText.Russian,
        Recovery = RecoveryText.Russian,
        Watch = WatchText.Russian,
        Network = NetworkText.Russian,
        Match = MatchText.Russian,
        EdgeKinds = new Dictionary<EdgeKind, string>
        {
            [EdgeKind.Owns] = "владеет",
            [EdgeKind.Controls] = "контролирует",
            [EdgeKind.DirectorOf] = "директор",
            [EdgeKind.BeneficialOwnerOf] = "бенефициар",
            [EdgeKind.NomineeFor] = "номинал в интересах",
            [EdgeKind.FamilyOf] = "родственник",
            [EdgeKind.AssociateOf] = "связан с",
            [EdgeKind.RegisteredAt] = "адрес",
            [EdgeKind.HoldsAccount] = "владелец счёта",
            [EdgeKind.IntermediaryOf] = "посредник",
            [EdgeKind.TransferredTo] = "перевод",
        },
        Code = "ru",
        Title = "AssetTrace",
        Welcome = "Розыск и возврат активов",
        WelcomeKazakh = "Қош келдіңіз",
        SkipToContent = "Перейти к содержанию",
        NavSearch = "Поиск",
        NavGraphiQL = "GraphQL (для разработчиков)",
        SignedInAs = "Вы вошли как",
        SignOut = "Выйти",
        Language = "Язык",
        SignInTitle = "Вход",
        Username = "Имя пользователя",
        Password = "Пароль",
        SignInButton = "Войти",
        SignInFailed = "Неизвестный пользователь, неверный пароль или учётная запись отключена. Проверьте имя и пароль и попробуйте ещё раз.",
        SignInThrottled = "Слишком много неудачных попыток входа. Попробуйте снова через {0} с.",
        SignInMissing = "Введите имя пользователя и пароль.",
        SignedOut = "Вы вышли. Сессия закрыта.",
        SessionEnded = "Ваша сессия завершена (выход, смена пароля или отключение учётной записи). Войдите снова.",
        FormExpired = "Форма устарела. Обновите страницу и отправьте её снова.",
        PasswordTitle = "Задайте свой пароль",
        PasswordExplain = "Этот пароль задал кто-то другой (первый запуск или администратор); он служит только для того, чтобы выбрать свой. Введите его ещё раз и новый пароль (не менее 12 символов).",
        CurrentPassword = "Текущий (одноразовый) пароль",
        NewPassword = "Новый пароль",
        ConfirmPassword = "Новый пароль ещё раз",
        PasswordButton = "Сохранить пароль и войти",
        PasswordMismatch = "Новые пароли не совпадают. Введите один и тот же пароль дважды.",
        PasswordRejected = "Новый пароль не подходит: нужно не менее 12 символов, и он должен отличаться от текущего.",
        SearchTitle = "Поиск лиц, компаний и активов",
        SearchLabel = "Имя или название (любым письмом и в любой транслитерации)",
        SearchButton = "Найти",
        SearchHint = "«Akhmetov», «Ahmetov» и «Ахметов» находят друг друга.",
        SearchFound = "Найдено: {0}",
        SearchNone = "Ничего не найдено. Проверьте написание или введите часть слова.",
        ColumnName = "Имя (оригинал)",
        ColumnTransliteration = "Транслитерация",
        ColumnKind = "Тип",
        ShowMore = "Показать ещё",
        Properties = "Свойства",
        Identifiers = "Идентификаторы",
        Facts = "Связи (факты)",
        History = "История изменений",
        Source = "Источник",
        Reference = "Ссылка на источник",
        Obtained = "Получено",
        Restriction = "Ограничение",
        IntelligenceOnly = "Только разведданные — не доказательство",
        RestrictedToCase = "Только для дела {0}",
        Link = "Связь",
        With = "С кем / чем",
        Share = "Доля",
        Valid = "Действует",
        Version = "Версия",
        Change = "Изменение",
        When = "Когда",
        Who = "Кто",
        Reason = "Причина",
        OpenNetwork = "Открыть сеть связей",
        OpenOwners = "Бенефициарные владельцы",
        NetworkTitle = "Сеть связей: {0}",
        NetworkHelp = "Щёлкните узел (или кнопку в списке), чтобы раскрыть его связи.",
        Expand = "Раскрыть",
        ExportPng = "Экспорт PNG",
        Exported = "Сохранено: {0}",
        NodesInView = "Узлы на схеме",
        MoreLinks = "ещё связей: {0}",
        Legend = "Условные обозначения",
        LegendEvidence = "Факт-доказательство",
        LegendShare = "% — доля владения",
        OwnersTitle = "Бенефициарные владельцы: {0}",
        OwnersNone = "Бенефициарные владельцы не установлены по видимым вам фактам.",
        ByControl = "через контроль",
        Paths = "Объясняющие цепочки",
        ErrorNotFound = "Не найдено: {0}. Его нет или он вам недоступен. Проверьте ссылку или найдите его через поиск.",
        ErrorInput = "Проверьте ввод: {0}",
        ErrorForbidden = "Ваша роль этого не позволяет: {0} Обратитесь к администратору.",
        ErrorConflict = "Конфликт: {0} Обновите страницу и повторите.",
        ErrorWarming = "Сервер только что запущен и загружает граф в память ({0}). Повторите через несколько секунд.",
        ErrorUnexpected = "Сбой на сервере. Повторите попытку; если ошибка повторяется, сообщите администратору (время {0}).",
        SignInAgain = "Войти снова",
        Loading = "Загрузка…",
        NotFoundPage = "Такой страницы нет. Вернитесь к поиску.",
        Reconnecting = "Связь с сервером потеряна, восстанавливаем…",
        ReconnectFailed = "Не удалось восстановить связь. Обновите страницу.",
    };

    public static ConsoleText English { get; } = new()
    {
        Analyst = AnalystText.English,
        Desk = DeskText.English,
        Roster = RosterText.English,
        Recovery = RecoveryText.English,
        Watch = WatchText.English,
        Network = NetworkText.English,
        Match = MatchText.English,
        EdgeKinds = new Dictionary<EdgeKind, string>
        {
            [EdgeKind.Owns] = "owns",
            [EdgeKind.Controls] = "controls",
            [EdgeKind.DirectorOf] = "director of",
            [EdgeKind.BeneficialOwnerOf] = "beneficial owner of",
            [EdgeKind.NomineeFor] = "nominee for",
            [EdgeKind.FamilyOf] = "family of",
            [EdgeKind.AssociateOf] = "associate of",
            [EdgeKind.RegisteredAt] = "registered at",
            [EdgeKind.HoldsAccount] = "holds account",
            [EdgeKind.IntermediaryOf] = "intermediary of",
            [EdgeKind.TransferredTo] = "transferred to",
        },
        Code = "en",
        Title = "AssetTrace",
        Welcome = "Asset recovery tracing",
        WelcomeKazakh = "Қош келдіңіз",
        SkipToContent = "Skip to content",
        NavSearch = "Search",
        NavGraphiQL = "GraphQL (for developers)",
        SignedInAs = "Signed in as",
        SignOut = "Sign out",
        Language = "Language",
        SignInTitle = "Sign in",
        Username = "User name",
        Password = "Password",
        SignInButton = "Sign in",
        SignInFailed = "Unknown user, wrong password, or the account is disabled. Check the name and password and try again.",
        SignInThrottled = "Too many failed sign-ins. Try again in {0} seconds.",
        SignInMissing = "Enter your user name and password.",
        SignedOut = "You have signed out; the session is closed.",
        SessionEnded = "Your session has ended (signed out, password changed or account disabled). Sign in again.",
        FormExpired = "The form has expired. Reload the page and send it again.",
        PasswordTitle = "Choose your own password",
        PasswordExplain = "This password was set by someone else (the first run or an administrator) and serves only to choose your own. Enter it again, and a new password of 12 characters or more.",
        CurrentPassword = "Current (one-time) password",
        NewPassword = "New password",
        ConfirmPassword = "New password again",
        PasswordButton = "Save the password and sign in",
        PasswordMismatch = "The new passwords differ. Type the same password twice.",
        PasswordRejected = "The new password cannot be used: it needs 12 characters or more and must differ from the current one.",
        SearchTitle = "Search persons, companies and assets",
        SearchLabel = "Name (in any script or transliteration)",
        SearchButton = "Search",
        SearchHint = "'Akhmetov', 'Ahmetov' and 'Ахметов' find each other.",
        SearchFound = "Found: {0}",
        SearchNone = "Nothing found. Check the spelling or type the start of a word.",
        ColumnName = "Name (original script)",
        ColumnTransliteration = "Transliteration",
        ColumnKind = "Kind",
        ShowMore = "Show more",
        Properties = "Properties",
        Identifiers = "Identifiers",
        Facts = "Facts (links)",
        History = "History of changes",
        Source = "Source",
        Reference = "Reference",
        Obtained = "Obtained",
        Restriction = "Restriction",
        IntelligenceOnly = "Intelligence only — not evidence",
        RestrictedToCase = "Restricted to case {0}",
        Link = "Link",
        With = "With",
        Share = "Share",
        Valid = "Valid",
        Version = "Version",
        Change = "Change",
        When = "When",
        Who = "Who",
        Reason = "Reason",
        OpenNetwork = "Open the network",
        OpenOwners = "Beneficial owners",
        NetworkTitle = "Network: {0}",
        NetworkHelp = "Click a node (or its button in the list) to expand its links.",
        Expand = "Expand",
        ExportPng = "Export PNG",
        Exported = "Saved: {0}",
        NodesInView = "Nodes in view",
        MoreLinks = "{0} more links",
        Legend = "Legend",
        LegendEvidence = "Fact usable as evidence",
        LegendShare = "% — ownership share",
        OwnersTitle = "Beneficial owners: {0}",
        OwnersNone = "No beneficial owner follows from the facts you may see.",
        ByControl = "by control",
        Paths = "Explaining paths",
        ErrorNotFound = "Not found: {0}. It does not exist or is not available to you. Check the link or find it with the search.",
        ErrorInput = "Check the input: {0}",
        ErrorForbidden = "Your role does not allow this: {0} Ask an administrator.",
        ErrorConflict = "Conflict: {0} Reload the page and try again.",
        ErrorWarming = "The server has just started and is reading the graph into memory ({0}). Try again in a few seconds.",
        ErrorUnexpected = "The server failed. Try again; if it happens again, tell an administrator (time {0}).",
        SignInAgain = "Sign in again",
        Loading = "Loading…",
        NotFoundPage = "There is no such page. Go back to the search.",
        Reconnecting = "Lost the connection to the server; reconnecting…",
        ReconnectFailed = "Could not reconnect. Reload the page.",
    };

    public string Format(string text, object? argument) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, argument);

    public string Format(string text, params object?[] arguments) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, arguments);
}
