using System.Runtime.InteropServices;

namespace AssetTrace.Benchmarks.Reporting;

/// <summary>The machine a run was measured on, as Linux describes it.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, long MemoryBytes, string OperatingSystem, string Kernel, string Runtime)
{
    public static MachineInfo Read()
    {
        var cpu = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024
            : 0;
        var os = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            ?? RuntimeInformation.OSDescription;
        return new MachineInfo(Environment.ProcessorCount, cpu, memory, os, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
    }

    private static IEnumerable<string> Lines(string file) => File.Exists(file) ? File.ReadLines(file) : [];
}
