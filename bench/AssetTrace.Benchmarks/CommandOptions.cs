using System.Globalization;
using AssetTrace.Storage;

namespace AssetTrace.Benchmarks;

/// <summary>
/// The "--name value" options of a benchmark command over its defaults, with <c>--stores</c> and the
/// <c>--postgres</c> connection it needs when PostgreSQL is among them.
/// </summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values;

    private CommandOptions(Dictionary<string, string> values) => _values = values;

    public string this[string name] => _values[name];

    public bool Has(string name) => _values.ContainsKey(name);

    public int Number(string name) => int.Parse(_values[name], CultureInfo.InvariantCulture);

    public List<StoreKind> Stores => [.. _values["--stores"].Split(',').Select(s => Enum.Parse<StoreKind>(s, ignoreCase: true))];

    /// <summary>The options, or null after the usage (or what is missing) is written to standard error.</summary>
    /// <param name="database">The database the command creates and drops on the <c>--postgres</c> server.</param>
    public static CommandOptions? Parse(string[] args, Dictionary<string, string> defaults, string usage, string database)
    {
        var values = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !(values.ContainsKey(args[i]) || args[i] == "--postgres"))
            {
                Console.Error.WriteLine("usage: " + usage);
                return null;
            }
            values[args[i]] = args[i + 1];
        }
        var options = new CommandOptions(values);
        if (options.Stores.Contains(StoreKind.Postgres) && !options.Has("--postgres"))
        {
            Console.Error.WriteLine($"--stores postgres needs --postgres CONNECTION (a superuser; the database {database} is created and dropped).");
            return null;
        }
        return options;
    }
}
