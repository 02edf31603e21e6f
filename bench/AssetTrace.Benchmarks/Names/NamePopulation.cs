using AssetTrace.Benchmarks.Generation;

namespace AssetTrace.Benchmarks.Names;

/// <summary>
/// Names of people and companies as a national register holds them, from the generator's pools: few
/// surnames and given names, so a common name is shared by hundreds of people, which is what makes a
/// lookup slow. Each query is a stored name written another way, as a user or another register writes
/// it: another romanisation, another word order, without the patronymic, or with a typing error.
/// </summary>
public sealed class NamePopulation
{
    private readonly Random _random;

    private NamePopulation(int seed) => _random = new Random(seed);

    /// <summary>One name per entry: four people to one company, half of the people with a patronymic.</summary>
    public static IReadOnlyList<string> Generate(int count, int seed)
    {
        var population = new NamePopulation(seed);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = i % 5 == 4 ? population.Company() : population.Person();
        }
        return names;
    }

    /// <summary><paramref name="count"/> queries, each a variation of a name drawn from <paramref name="names"/>, with the index it came from.</summary>
    public static IReadOnlyList<(string Query, int Source)> Queries(IReadOnlyList<string> names, int count, int seed)
    {
        var population = new NamePopulation(seed + 1);
        var queries = new List<(string, int)>(count);
        while (queries.Count < count)
        {
            var source = population._random.Next(names.Count);
            queries.Add((population.Vary(names[source]), source));
        }
        return queries;
    }

    private string Person()
    {
        var female = _random.Next(2) == 0;
        var first = Pick(female ? NamePools.FemaleFirst : NamePools.MaleFirst);
        var surname = Pick(NamePools.Surnames);
        if (female)
        {
            surname = NamePools.Feminine(surname);
        }
        var name = _random.Next(2) == 0 ? $"{surname} {first}" : $"{first} {surname}";
        if (_random.Next(2) == 0)
        {
            var father = Pick(NamePools.MaleFirst);
            name += " " + (_random.Next(2) == 0 ? father + (female ? " қызы" : " ұлы") : father.TrimEnd('й', 'ь') + (female ? "овна" : "ович"));
        }
        return _random.Next(3) == 0 ? NamePools.Latin(name, _random.Next(5)) : name;
    }

    private string Company()
    {
        var (form, _) = Pick(NamePools.LegalForms);
        var words = $"{Pick(NamePools.CompanyWords)} {Pick(NamePools.CompanyActivity)}";
        if (_random.Next(10) < 3)
        {
            words += $" {_random.Next(1, 1000)}";
        }
        return form is "ТОО" or "АО" or "ООО" ? $"{form} «{words}»" : $"{NamePools.Latin(words, _random.Next(5))} {form}";
    }

    private string Vary(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var patronymic = Patronymic(words);
        switch (_random.Next(4))
        {
            case 0:
                return NamePools.Latin(name, _random.Next(5));
            case 1 when words.Length - patronymic > 1:
                // Surname and given name swapped; the patronymic stays where people write it.
                return string.Join(' ', words.Take(2).Reverse().Concat(words.Skip(2)));
            case 2 when patronymic > 0:
                return string.Join(' ', words.Take(words.Length - patronymic));
            default:
                var word = _random.Next(words.Length - patronymic);
                if (words[word].Length >= 4)
                {
                    // One typing error: two neighbouring letters swapped.
                    var letters = words[word].ToCharArray();
                    var at = _random.Next(1, letters.Length - 1);
                    (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
                    words[word] = new string(letters);
                }
                return string.Join(' ', words);
        }
    }

    /// <summary>How many of the last words are a patronymic: "Болатович" is one, "Болат ұлы" two.</summary>
    private static int Patronymic(string[] words) =>
        words.Length < 3 ? 0
        : words[^1] is "ұлы" or "қызы" or "uly" or "qyzy" ? 2
        : words[^1].EndsWith("ич", StringComparison.Ordinal) || words[^1].EndsWith("на", StringComparison.Ordinal)
            || words[^1].EndsWith("ich", StringComparison.Ordinal) || words[^1].EndsWith("na", StringComparison.Ordinal) ? 1
        : 0;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
