using System.Globalization;
using AssetTrace.Benchmarks.Generation;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Server;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>The scale-out command's section for docs/BENCHMARKS.md: the #18 targets met or missed, then every phase's figures.</summary>
internal static class ScaleOutReport
{
    public const string TargetsHeader = "| target (#18) | where | figure | |\n|---|---|---|---|";

    public static string What(ScaleOutSettings s, GeneratedGraph graph) =>
        $"Data: `GraphGenerator`, seed {s.Seed}, {graph.Nodes.Count:N0} nodes, {graph.Edges.Count:N0} edges. Each phase: {s.Clients} clients for {s.Seconds} s, " +
        "the main benchmark's load without search (a third each: `beneficialOwners` with the paths' node names, with five paths and their nodes and edges with provenance, `shortestPaths`); " +
        $"writing phases add one analyst making {s.WritesPerSecond} writes a second through the API (`createEdge` OWNS with share 30 from a random person to an owned company or asset, " +
        "then `updateEdge` of that edge's share to 40, in turn; audited and versioned as any), each polled every 10 ms on every server with the target's `beneficialOwners` " +
        "until the owner shows with the new share: the time from the mutation's answer to that answer's arrival, so it includes one read's time under the load. " +
        "Writes are sent on a clock (a change of share waits for its edge), through A and B in turn when both run. " +
        "The clients, the writer, the servers and PostgreSQL and Redis all share the machine's cores.";

    public static IEnumerable<string> Lines(ScaleOutRun run)
    {
        foreach (var store in run.Phases.Select(p => p.Store).Distinct())
        {
            foreach (var servers in run.Phases.Where(p => p.Store == store).Select(p => p.ServersCell).Distinct())
            {
                var pair = run.Phases.Where(p => p.Store == store && p.ServersCell == servers).ToList();
                if (pair is [{ Writes: null } reading, { Writes: { } writes } writing])
                {
                    var ratio = writing.Reads.P99 / reading.Reads.P99;
                    yield return $"| read p99 with writes within 2× of read-only | {store}, {servers} | {Ms(writing.Reads.P99)} against {Ms(reading.Reads.P99)}: {ratio:0.00}× " +
                        $"({writes.WritesPerSecond:0.0} writes/s achieved) | {Met(ratio <= 2)} |";
                    foreach (var (server, visible) in writes.VisibleAfter)
                    {
                        var never = writes.NeverVisible[server];
                        yield return $"| a write visible to analytics within 1 s | {store}, server {server} | p50 {Ms(visible.P50)}, p99 {Ms(visible.P99)}, max {Ms(visible.Max)} " +
                            $"({visible.Count:N0} writes{(never > 0 ? $", {never} never seen in {VisibilityProbe.GiveUp.TotalSeconds:0} s" : "")}) | {Met(never == 0 && visible.Max <= 1000)} |";
                    }
                }
            }
        }
        foreach (var comparison in run.Comparisons)
        {
            yield return $"| the same answers on both servers | PostgreSQL, A and B, {comparison.When} | {comparison.Different} of {comparison.Questions} answers differ" +
                $"{(comparison.FirstDifference is { } d ? $"; first: {Escape(d)}" : "")} | {Met(comparison.Different == 0)} |";
        }
        if (run.Cache is { } cache)
        {
            yield return $"| the cache shared | PostgreSQL, B after A, Redis | {cache.Cell} | {Met(cache.Shared)} |";
        }
        if (run.Cluster is { } cluster)
        {
            yield return $"| Quartz clustered | PostgreSQL, `qrtz_scheduler_state` | {cluster} | {Met(cluster.StartsWith("2 instances", StringComparison.Ordinal))} |";
        }
        var one = run.Phases.FirstOrDefault(p => p.Store.StartsWith("PostgreSQL", StringComparison.Ordinal) && p.Servers.Count == 1 && p.Writes is null);
        var two = run.Phases.FirstOrDefault(p => p.Servers.Count == 2 && p.Writes is null);
        if (one is not null && two is not null)
        {
            yield return $"| two servers side by side, measured against one | PostgreSQL, read-only | {two.Load.RequestsPerSecond:N1} requests/s against {one.Load.RequestsPerSecond:N1} " +
                $"({two.Load.RequestsPerSecond / one.Load.RequestsPerSecond:0.00}×), read p99 {Ms(two.Reads.P99)} against {Ms(one.Reads.P99)}; both servers on the same cores | measured |";
        }
        yield return "";
        yield return "Each phase, milliseconds p50 / p99 (count) as the clients saw them:";
        yield return "";
        yield return "| store | servers | writes | requests/s | all reads | `beneficialOwners` | … with paths' nodes and edges | `shortestPaths` | read failures | " +
            "write p50 / p99 | visible after, per server p50 / p99 / max | cache hits | snapshot file saved | peak RSS |";
        yield return "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|";
        foreach (var phase in run.Phases)
        {
            yield return PhaseRow(phase);
        }
        yield return "";
        yield return "First analytics answer of each server after its start (its snapshot loaded from the store, in a folder of its own): " +
            string.Join("; ", run.Starts.Select(s => $"{s.Store} {s.Server} {s.FirstAnswer.TotalSeconds:0.0} s")) + ".";
    }

    public static string PhaseRow(Phase p)
    {
        var ops = p.Load.ByOperation;
        var w = p.Writes;
        var writes = w is null ? "none" : $"{w.WritesPerSecond:0.0}/s, {w.Writes:N0}{(w.Failures > 0 ? $" ({w.Failures} failed: {Escape(w.FirstFailure ?? "")})" : "")}";
        var visible = w is null ? "–" : string.Join("; ", w.VisibleAfter.Select(v => $"{v.Key} {Ms(v.Value.P50)} / {Ms(v.Value.P99)} / {Ms(v.Value.Max)}" +
            (w.NeverVisible[v.Key] > 0 ? $" ({w.NeverVisible[v.Key]} never)" : "")));
        return $"| {p.Store} | {p.ServersCell} | {writes} | {p.Load.RequestsPerSecond:N1} | {Cell(p.Reads)} | {Cell(ops["beneficialOwners"])} | " +
            $"{Cell(ops[GraphQLLoad.OwnersWithPaths])} | {Cell(ops["shortestPaths"])} | {p.Load.Failures}{(p.Load.FirstFailure is { } f ? $": {Escape(f)}" : "")} | " +
            $"{(w is null ? "–" : $"{Ms(w.WriteTimes.P50)} / {Ms(w.WriteTimes.P99)}")} | {visible} | {p.Cache.HitShare} | {(p.SnapshotSaves.Count == 0 ? "no" : "by " + string.Join(", ", p.SnapshotSaves))} | {p.Load.PeakResidentBytes / 1073741824.0:0.00} GiB |";
    }

    private static string Cell(Latencies l) => $"{Num(l.P50)} / {Num(l.P99)} ({l.Count:N0})";

    private static string Ms(double ms) => $"{Num(ms)} ms";

    private static string Num(double ms) => ms.ToString(ms < 10 ? "0.0#" : "0.0", CultureInfo.InvariantCulture);

    private static string Met(bool met) => met ? "met" : "**missed**";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
