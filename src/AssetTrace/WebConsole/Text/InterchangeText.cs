using AssetTrace.Graph.Model;

namespace AssetTrace.WebConsole.Text;

/// <summary>The texts of the import and export pages (#13), in Russian and English; reached as <c>Text.Network.Interchange</c>.</summary>
public sealed class InterchangeText
{
    public required string NavImport { get; init; }
    public required string NavExport { get; init; }
    public required string ImportTitle { get; init; }
    public required string ImportHelp { get; init; }
    public required string Format { get; init; }
    public required string File { get; init; }
    public required string Strict { get; init; }
    public required string Restriction { get; init; }
    public required IReadOnlyDictionary<UsageRestriction, string> Restrictions { get; init; }
    public required string ImportButton { get; init; }
    public required string NoFile { get; init; }
    public required string TooLarge { get; init; }
    public required string Receiving { get; init; }
    public required string Reading { get; init; }
    public required string ReportTitle { get; init; }
    public required string Committed { get; init; }
    public required string RolledBack { get; init; }
    public required IReadOnlyDictionary<string, string> Counts { get; init; }
    public required string Problems { get; init; }
    public required string Files { get; init; }
    public required string ExportTitle { get; init; }
    public required string ExportHelp { get; init; }
    public required string ScopeNode { get; init; }
    public required string ScopeCase { get; init; }
    public required string Hops { get; init; }
    public required string ForCourt { get; init; }
    public required string ExportButton { get; init; }
    public required string Writing { get; init; }
    public required string ExportDone { get; init; }
    public required string LeftOut { get; init; }

    public static InterchangeText Russian { get; } = new()
    {
        NavImport = "Импорт",
        NavExport = "Экспорт",
        ImportTitle = "Импорт файла",
        ImportHelp = "Файл BODS, FtM, ICIJ CSV или список ООН загружается целиком в одной транзакции. Каждый импорт записывается в журнал аудита.",
        Format = "Формат",
        File = "Файл",
        Strict = "Строго: при первой ошибке ничего не записывать",
        Restriction = "Ограничение использования импортируемых фактов",
        Restrictions = new Dictionary<UsageRestriction, string>
        {
            [UsageRestriction.Evidence] = "доказательство",
            [UsageRestriction.IntelligenceOnly] = "только разведданные",
            [UsageRestriction.ConsentRequired] = "нужно согласие источника",
        },
        ImportButton = "Импортировать",
        NoFile = "Выберите файл для импорта.",
        TooLarge = "Файл больше {0} МиБ; импортируйте его из командной строки: assettrace import <формат> <файл>.",
        Receiving = "Получение файла: {0} из {1}",
        Reading = "Прочитано записей: {0}; {1} из {2}",
        ReportTitle = "Отчёт об импорте",
        Committed = "Импорт записан (запуск {0}).",
        RolledBack = "Ничего не записано: {0}",
        Counts = new Dictionary<string, string>
        {
            ["itemsRead"] = "прочитано записей",
            ["nodesCreated"] = "узлов создано",
            ["nodesUpdated"] = "узлов обновлено",
            ["nodesUnchanged"] = "узлов без изменений",
            ["nodesMatched"] = "узлов найдено по идентификатору",
            ["edgesCreated"] = "связей создано",
            ["edgesUpdated"] = "связей обновлено",
            ["edgesUnchanged"] = "связей без изменений",
            ["edgesRemoved"] = "связей снято",
            ["superseded"] = "заменено",
            ["outdated"] = "устарело",
            ["sanctionListings"] = "санкционных записей",
            ["mergesSuggested"] = "предложено слияний",
            ["skipped"] = "пропущено",
            ["ignored"] = "не поддерживается моделью",
            ["problems"] = "проблем",
        },
        Problems = "Проблемы (первые {0})",
        Files = "Файлы",
        ExportTitle = "Экспорт графа",
        ExportHelp = "Без узла и дела экспортируется весь граф, который вам виден. Факты, закрытые для вас, в файл не попадают. Каждый экспорт записывается в журнал аудита.",
        ScopeNode = "Окрестность узла (id, необязательно)",
        ScopeCase = "Дело (id, необязательно)",
        Hops = "Шагов вокруг узла или субъектов дела (0–6)",
        ForCourt = "Для суда: отказать, если есть факты сетей или ПФР без согласия источника",
        ExportButton = "Экспортировать",
        Writing = "Записано: {0}",
        ExportDone = "Экспортировано узлов: {0}, связей: {1}. Файл: {2}",
        LeftOut = "Формат не может передать: узлов {0}, связей {1}.",
    };

    public static InterchangeText English { get; } = new()
    {
        NavImport = "Import",
        NavExport = "Export",
        ImportTitle = "Import a file",
        ImportHelp = "A BODS, FtM, ICIJ CSV or UN list file is imported whole, in one transaction. Every import is written to the audit log.",
        Format = "Format",
        File = "File",
        Strict = "Strict: write nothing at the first bad record",
        Restriction = "Usage restriction of the imported facts",
        Restrictions = new Dictionary<UsageRestriction, string>
        {
            [UsageRestriction.Evidence] = "evidence",
            [UsageRestriction.IntelligenceOnly] = "intelligence only",
            [UsageRestriction.ConsentRequired] = "the provider's consent required",
        },
        ImportButton = "Import",
        NoFile = "Choose a file to import.",
        TooLarge = "The file is over {0} MiB; import it with the command line: assettrace import <format> <file>.",
        Receiving = "Receiving the file: {0} of {1}",
        Reading = "Records read: {0}; {1} of {2}",
        ReportTitle = "Import report",
        Committed = "The import was written (run {0}).",
        RolledBack = "Nothing was written: {0}",
        Counts = new Dictionary<string, string>
        {
            ["itemsRead"] = "records read",
            ["nodesCreated"] = "nodes created",
            ["nodesUpdated"] = "nodes updated",
            ["nodesUnchanged"] = "nodes unchanged",
            ["nodesMatched"] = "nodes matched by identifier",
            ["edgesCreated"] = "links created",
            ["edgesUpdated"] = "links updated",
            ["edgesUnchanged"] = "links unchanged",
            ["edgesRemoved"] = "links removed",
            ["superseded"] = "superseded",
            ["outdated"] = "outdated",
            ["sanctionListings"] = "sanction listings",
            ["mergesSuggested"] = "merges suggested",
            ["skipped"] = "skipped",
            ["ignored"] = "kinds the model does not hold",
            ["problems"] = "problems",
        },
        Problems = "Problems (the first {0})",
        Files = "Files",
        ExportTitle = "Export the graph",
        ExportHelp = "Without a node or a case the whole graph you may see is exported. Facts you may not see never reach the file. Every export is written to the audit log.",
        ScopeNode = "Neighbourhood of a node (id, optional)",
        ScopeCase = "Case (id, optional)",
        Hops = "Hops around the node or the case's subjects (0–6)",
        ForCourt = "For court: refuse while it holds network or FIU facts without the provider's consent",
        ExportButton = "Export",
        Writing = "Written: {0}",
        ExportDone = "Exported {0} nodes and {1} links. File: {2}",
        LeftOut = "Left out, as the format cannot carry them: {0} nodes, {1} links.",
    };

    /// <summary>A size in bytes as people read it.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"),
    };
}
