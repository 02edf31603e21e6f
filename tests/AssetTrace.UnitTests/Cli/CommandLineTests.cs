using System.CommandLine;
using AssetTrace.Cli;

namespace AssetTrace.UnitTests.Cli;

/// <summary>
/// #12: a mistyped command prints the commands and exits 2 instead of starting the server; <c>help</c>
/// and <c>--help</c> print them and exit 0. A run that started the server would not return: the
/// timeout turns that into a failure.
/// </summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan NoServer = TimeSpan.FromSeconds(60);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, Path.GetTempPath(), new InvocationConfiguration { Output = output, Error = error }).WaitAsync(NoServer);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("exprot")]
    [InlineData("serve")]
    public async Task An_unknown_command_prints_the_commands_and_exits_2(string word)
    {
        var (exit, output, error) = await RunAsync(word, "neo4j-csv", "out");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"'{word}' is not an assettrace command", error, StringComparison.Ordinal);
        Assert.All(["import", "export", "audit", "rates", "schema"], command => Assert.Contains($"  {command} ", error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_prints_the_commands_and_exits_0(string word)
    {
        var (exit, output, error) = await RunAsync(word);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.All(["import", "export", "audit", "rates", "schema"], command => Assert.Contains($"  {command} ", output, StringComparison.Ordinal));
    }

    [Fact]
    public void Started_in_is_taken_off_the_arguments_and_resolves_relative_paths()
    {
        var (start, rest) = StartDirectory.Take([StartDirectory.Option, "/home/analyst/cases", "import", "bods", "x.json"], "/srv/assettrace");

        Assert.Equal(["import", "bods", "x.json"], rest);
        Assert.Equal("/home/analyst/cases/x.json", start.Resolve("x.json"));
        Assert.Equal("/tmp/y.json", start.Resolve("/tmp/y.json"));
        Assert.Equal("/srv/assettrace/x.json", StartDirectory.Take(["import", "bods", "x.json"], "/srv/assettrace").Start.Resolve("x.json"));
    }
}
