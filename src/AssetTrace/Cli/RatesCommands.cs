using System.CommandLine;
using AssetTrace.Analytics.Wealth;
using AssetTrace.Common;
using AssetTrace.Storage;

namespace AssetTrace.Cli;

/// <summary><c>assettrace rates import FILE</c>: adds or corrects dated exchange rates from CSV.</summary>
public static class RatesCommands
{
    /// <param name="start">Where the user typed the command: a relative file name is read against it (#12).</param>
    public static Command Create(StartDirectory start)
    {
        var file = new Argument<string>("file") { Description = "CSV with the header currency,date,usd_per_unit,source (see reference-data/README.md)." };
        var import = new Command("import", "Add or correct exchange rates; the whole file is checked first and nothing is written if a row is wrong.")
        {
            file,
        };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction(async (parse, ct) =>
        {
            await using var services = ShellServices.Build(parse.UnmatchedTokens);
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            try
            {
                var count = await services.GetRequiredService<ExchangeRateStore>().ImportAsync(start.Resolve(parse.GetValue(file)!), ShellActor.Current(), ct);
                Console.WriteLine($"Imported {count} exchange rates into {services.GetRequiredService<Database>().Description}.");
                return 0;
            }
            catch (UserInputException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
        });
        return new Command("rates", "Exchange rates used to convert valuations to USD.") { import };
    }
}
