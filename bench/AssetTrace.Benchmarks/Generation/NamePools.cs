using AnyAscii;

namespace AssetTrace.Benchmarks.Generation;

/// <summary>
/// Kazakh and Russian names in Cyrillic, and the Latin spellings registers and passports give
/// them: the transliteration, then one of the usual romanisation variants (kh/h, -yev/-ev, zh/j).
/// </summary>
public static class NamePools
{
    public static readonly string[] MaleFirst =
    [
        "Серік", "Нұрлан", "Асхат", "Ерлан", "Бауыржан", "Дәурен", "Қайрат", "Мұрат", "Ержан", "Талғат",
        "Арман", "Жандос", "Ғалым", "Болат", "Данияр", "Тимур", "Руслан", "Азамат", "Марат", "Әлібек",
        "Сергей", "Алексей", "Дмитрий", "Андрей", "Владимир", "Николай", "Игорь", "Евгений", "Михаил", "Олег",
    ];

    public static readonly string[] FemaleFirst =
    [
        "Айгүл", "Гүлнар", "Әсел", "Жанар", "Динара", "Салтанат", "Меруерт", "Ләззат", "Айжан", "Камила",
        "Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Юлия", "Екатерина", "Мария",
    ];

    // Surnames in their masculine form; feminine forms add -а (-ов → -ова, -ев → -ева, -ин → -ина).
    public static readonly string[] Surnames =
    [
        "Ахметов", "Назарбаев", "Сәрсенбаев", "Жақсыбеков", "Құлыбаев", "Әбілов", "Тоқаев", "Мәмин", "Есімов", "Шөкеев",
        "Жұмабаев", "Сейітов", "Оспанов", "Байжанов", "Қасымов", "Нұрмағамбетов", "Ибрагимов", "Мұсин", "Қожахметов", "Бекмұханбетов",
        "Тәжин", "Смайылов", "Әлиев", "Рахимов", "Жаксылыков", "Шәріпов", "Исабеков", "Дүйсенбаев", "Мұхамеджанов", "Хасенов",
        "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Тұрғанбаев", "Ержанов", "Сағынтаев", "Кәрімов", "Мыңбаев", "Өтемісов", "Бектұров", "Қуанышев", "Досанов", "Әбдірахманов",
        "Жанәбілов", "Тілеубердин", "Ысқақов", "Үсенов", "Шаяхметов", "Темірбаев", "Баймұхамедов", "Серікбаев", "Айтқұлов", "Кенжебаев",
    ];

    public static readonly string[] CompanyWords =
    [
        "Алтын", "Қазына", "Дала", "Шығыс", "Батыс", "Сарыарқа", "Жетісу", "Атырау", "Каспий", "Тараз",
        "Нұр", "Береке", "Самұрық", "Арман", "Құс", "Астана", "Алатау", "Байтерек", "Ақ Жол", "Мұнай",
        "Caspian", "Steppe", "Silk Road", "Eurasia", "Altyn", "Nomad", "Baikonur", "Aral", "Tengiz", "Kashagan",
        "Orion", "Meridian", "Atlas", "Helios", "Polaris", "Sapphire", "Granite", "Falcon", "Crescent", "Zenith",
        "Golden Horde", "Great Steppe", "Blue Lake", "Red Rock", "White Sands", "Green Valley", "North Star", "East Gate", "Sky", "Amber",
    ];

    public static readonly string[] CompanyActivity =
    [
        "Invest", "Holding", "Capital", "Trading", "Energy", "Construction", "Logistics", "Development", "Mining", "Agro",
        "Инвест", "Холдинг", "Капитал", "Трейдинг", "Энерджи", "Құрылыс", "Логистика", "Девелопмент", "Майнинг", "Агро",
        "Ventures", "Partners", "Resources", "Group", "Management", "Consulting", "Finance", "Properties", "Shipping", "Oil & Gas",
    ];

    /// <summary>Legal forms and the jurisdictions that use them; the Cyrillic ones are written before the name.</summary>
    public static readonly (string Form, string Country)[] LegalForms =
    [
        ("ТОО", "KZ"), ("ТОО", "KZ"), ("ТОО", "KZ"), ("АО", "KZ"), ("LLP", "KZ"), ("JSC", "KZ"),
        ("ООО", "RU"), ("АО", "RU"), ("Ltd", "CY"), ("Limited", "CY"), ("Ltd", "VG"),
        ("Inc.", "VG"), ("FZE", "AE"), ("LLC", "AE"), ("Ltd", "GB"), ("LLP", "GB"),
        ("B.V.", "NL"), ("S.à r.l.", "LU"), ("S.A.", "PA"), ("Ltd", "SC"), ("AG", "CH"), ("GmbH", "CH"),
    ];

    public static readonly string[] Cities = ["Алматы", "Астана", "Шымкент", "Қарағанды", "Атырау", "Ақтау", "Москва", "Лимасол", "Дубай", "Лондон", "Road Town"];

    public static readonly string[] Streets = ["Абай даңғылы", "Достық даңғылы", "Тверская улица", "Makarios Avenue", "Sheikh Zayed Road", "Park Lane", "Main Street", "Қабанбай батыр көшесі"];

    public static readonly string[] Banks = ["Halyk Bank", "Kaspi Bank", "Sberbank", "Bank of Cyprus", "Emirates NBD", "Barclays", "UBS", "Jusan Bank"];

    public static readonly string[] Vehicles = ["Toyota Land Cruiser", "Lexus LX 570", "Mercedes-Benz G 63", "Range Rover", "Porsche Cayenne", "BMW X7", "Lada Niva"];

    public static readonly string[] VesselNames = ["Aurora", "Caspian Pearl", "Steppe Wind", "Золотая Орда", "Altyn Su", "Sea Falcon", "Nomad Star"];

    public static readonly string[] AircraftTypes = ["Gulfstream G650", "Bombardier Global 6000", "Embraer Legacy 600", "Dassault Falcon 7X", "Cessna Citation"];

    /// <summary>Feminine form of a surname: -ов/-ев/-ин take -а; Kazakh -ұлы/-қызы and the rest stay.</summary>
    public static string Feminine(string surname) =>
        surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal)
            || surname.EndsWith("ёв", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal)
            ? surname + "а"
            : surname;

    /// <summary>
    /// A Latin spelling as a register or passport office might write it: the plain transliteration,
    /// then one of the common variants, chosen by <paramref name="variant"/>.
    /// </summary>
    public static string Latin(string cyrillic, int variant)
    {
        var latin = cyrillic.Transliterate();
        return (variant % 5) switch
        {
            1 => latin.Replace("kh", "h", StringComparison.Ordinal).Replace("Kh", "H", StringComparison.Ordinal),
            2 => latin.Replace("aev", "ayev", StringComparison.Ordinal),
            3 => latin.Replace("zh", "j", StringComparison.Ordinal).Replace("Zh", "J", StringComparison.Ordinal),
            4 => latin.Replace("ts", "tz", StringComparison.Ordinal).Replace("sh", "sch", StringComparison.Ordinal),
            _ => latin,
        };
    }
}
