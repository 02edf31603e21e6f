using System.Runtime.InteropServices;

namespace AssetTrace.Benchmarks.Reporting;

/// <summary>The machine a run was measured on, as Linux describes it.</summary>
/// <param name="LoadAverages">The 1, 5 and 15 minute load averages when it was read: how busy the machine was, the run included.</param>
public sealed record MachineInfo(int Cores, string CpuModel, long MemoryBytes, string OperatingSystem, string Kernel, string Runtime, string LoadAverages)
{
    public static MachineInfo Read()
    {
        var cpu = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024
            : 0;
        var os = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            ?? RuntimeInformation.OSDescription;
        var load = Lines("/proc/loadavg").FirstOrDefault()?.Split(' ') is [var one, var five, var fifteen, ..] ? $"{one}, {five}, {fifteen}" : "unknown";
        return new MachineInfo(Environment.ProcessorCount, cpu, memory, os, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, load);
    }

    private static IEnumerable<string> Lines(string file) => File.Exists(file) ? File.ReadLines(file) : [];
}
