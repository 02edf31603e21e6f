using AssetTrace.Analytics.RedFlags;
using AssetTrace.Graph.Model;

namespace AssetTrace.WebConsole.Text;

/// <summary>
/// The texts of the network view, the search suggestions and the import and export pages (#13), in
/// Russian and English. Kept apart from <see cref="ConsoleText"/>'s long lists; reached as <c>Text.Network</c>.
/// </summary>
public sealed class NetworkText
{
    public required IReadOnlyDictionary<NodeKind, string> NodeKinds { get; init; }
    public required IReadOnlyDictionary<RedFlagKind, string> RedFlagKinds { get; init; }
    public required string LegendNodes { get; init; }
    public required string LegendLinks { get; init; }
    public required string LegendIntelligence { get; init; }
    public required string LegendIndirect { get; init; }
    public required string LegendRedFlag { get; init; }
    public required string LegendMore { get; init; }
    public required string ShowIndirect { get; init; }
    public required string IndirectTitle { get; init; }
    public required string IndirectLabel { get; init; }
    public required string RedFlagsTitle { get; init; }
    public required string RedFlagsNone { get; init; }
    public required string ExportSvg { get; init; }
    public required string AsOf { get; init; }
    public required string Suggestions { get; init; }
    public required string SuggestionsCount { get; init; }
    public required InterchangeText Interchange { get; init; }

    public string Of(NodeKind kind) => NodeKinds[kind];

    public string Of(RedFlagKind kind) => RedFlagKinds[kind];

    public static NetworkText Russian { get; } = new()
    {
        NodeKinds = new Dictionary<NodeKind, string>
        {
            [NodeKind.Person] = "лицо",
            [NodeKind.Company] = "компания",
            [NodeKind.Address] = "адрес",
            [NodeKind.RealEstate] = "недвижимость",
            [NodeKind.BankAccount] = "банковский счёт",
            [NodeKind.Vehicle] = "транспортное средство",
            [NodeKind.Vessel] = "судно",
            [NodeKind.Aircraft] = "воздушное судно",
            [NodeKind.Securities] = "ценные бумаги",
            [NodeKind.CryptoWallet] = "криптокошелёк",
        },
        RedFlagKinds = new Dictionary<RedFlagKind, string>
        {
            [RedFlagKind.SecrecyJurisdiction] = "юрисдикция с режимом секретности",
            [RedFlagKind.CircularOwnership] = "круговое владение",
            [RedFlagKind.NomineeDirector] = "номинальный директор",
            [RedFlagKind.NomineeArrangement] = "номинальное владение",
            [RedFlagKind.MassRegistrationAddress] = "адрес массовой регистрации",
            [RedFlagKind.LongChain] = "длинная цепочка владения",
            [RedFlagKind.TransferBeforeCase] = "перевод незадолго до возбуждения дела",
        },
        LegendNodes = "Узлы",
        LegendLinks = "Связи",
        LegendIntelligence = "только разведданные, не доказательство (оранжевый пунктир точками)",
        LegendIndirect = "косвенное владение через цепочку, с итоговой долей (штриховая линия)",
        LegendRedFlag = "красный флаг (красная обводка узла)",
        LegendMore = "у узла есть ещё связи («показать ещё»)",
        ShowIndirect = "Показывать косвенное владение",
        IndirectTitle = "Косвенное владение на схеме",
        IndirectLabel = "косвенно {0}",
        RedFlagsTitle = "Красные флаги",
        RedFlagsNone = "Красных флагов по видимым вам фактам нет.",
        ExportSvg = "Экспорт SVG",
        AsOf = "По состоянию на {0}",
        Suggestions = "Подсказки",
        SuggestionsCount = "Подсказок: {0}. Стрелки вверх и вниз — выбор, Enter — открыть, Escape — закрыть.",
        Interchange = InterchangeText.Russian,
    };

    public static NetworkText English { get; } = new()
    {
        NodeKinds = new Dictionary<NodeKind, string>
        {
            [NodeKind.Person] = "person",
            [NodeKind.Company] = "company",
            [NodeKind.Address] = "address",
            [NodeKind.RealEstate] = "real estate",
            [NodeKind.BankAccount] = "bank account",
            [NodeKind.Vehicle] = "vehicle",
            [NodeKind.Vessel] = "vessel",
            [NodeKind.Aircraft] = "aircraft",
            [NodeKind.Securities] = "securities",
            [NodeKind.CryptoWallet] = "crypto wallet",
        },
        RedFlagKinds = new Dictionary<RedFlagKind, string>
        {
            [RedFlagKind.SecrecyJurisdiction] = "secrecy jurisdiction",
            [RedFlagKind.CircularOwnership] = "circular ownership",
            [RedFlagKind.NomineeDirector] = "nominee director",
            [RedFlagKind.NomineeArrangement] = "nominee arrangement",
            [RedFlagKind.MassRegistrationAddress] = "mass-registration address",
            [RedFlagKind.LongChain] = "long ownership chain",
            [RedFlagKind.TransferBeforeCase] = "transfer shortly before the case",
        },
        LegendNodes = "Nodes",
        LegendLinks = "Links",
        LegendIntelligence = "intelligence only, not evidence (orange, dotted)",
        LegendIndirect = "indirect holding through a chain, with its compounded share (dashed)",
        LegendRedFlag = "red flag (red outline)",
        LegendMore = "the node has more links (\"show more\")",
        ShowIndirect = "Show indirect holdings",
        IndirectTitle = "Indirect holdings in view",
        IndirectLabel = "indirectly {0}",
        RedFlagsTitle = "Red flags",
        RedFlagsNone = "No red flags in the facts you may see.",
        ExportSvg = "Export SVG",
        AsOf = "As of {0}",
        Suggestions = "Suggestions",
        SuggestionsCount = "{0} suggestions. Up and down arrows to choose, Enter to open, Escape to close.",
        Interchange = InterchangeText.English,
    };
}
