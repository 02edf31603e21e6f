using System.Globalization;

namespace AssetTrace.Benchmarks.Import;

/// <summary>
/// CPU time used so far by every <c>postgres</c> process on this machine and by the children they
/// have reaped (user and system, from /proc): a backend's time is counted after it ends in its
/// postmaster's, so the difference across an import is what the server spent on it, background
/// writers included. Zero where /proc is missing.
/// </summary>
public static class PostgresProcessorTime
{
    private const double TicksPerSecond = 100; // USER_HZ, which Linux fixes at 100 for /proc

    public static double Seconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // "pid (comm) state …": the command name may hold spaces, so fields are counted after its closing bracket.
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }
                var fields = stat[(close + 2)..].Split(' ');
                // After the name: state is field 3 of stat(5); utime, stime, cutime and cstime are fields 14–17.
                for (var field = 11; field <= 14; field++)
                {
                    ticks += long.Parse(fields[field], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }
        return ticks / TicksPerSecond;
    }
}
