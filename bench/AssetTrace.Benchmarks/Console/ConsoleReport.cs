using System.Globalization;
using System.Text;
using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Reporting;

namespace AssetTrace.Benchmarks.ConsolePages;

/// <summary>Everything one console benchmark run measured.</summary>
public sealed record ConsoleRun(
    string Command, DateTimeOffset Started, TimeSpan Took, MachineInfo Machine, string BrowserVersion, ConsoleBenchOptions Options,
    ConsoleStore Store, Latencies Suggestions, Latencies FirstPage, HubResult Hub);

/// <summary>The run as a section for the end of docs/BENCHMARKS.md.</summary>
public static class ConsoleReport
{
    public const double FirstPageTarget = 1_000;
    public const double SuggestionsTarget = 150;

    /// <summary>A frame slower than this is a visible stutter (20 frames a second); a task over 200 ms, a freeze the user feels.</summary>
    public const double SmoothFrame = 50;

    public const double Freeze = 200;

    public static string Write(ConsoleRun run)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var hub = run.Hub;
        var frames = new Latencies();
        foreach (var frame in hub.Frames)
        {
            frames.Add(frame);
        }

        Line("# Benchmarks: the web console");
        Line();
        Line("Written by `bench/AssetTrace.Benchmarks` (`console`, issue #13); see its README for how each figure is taken.");
        Line();
        Line("## Run");
        Line();
        Line(Invariant($"- Date: {run.Started:yyyy-MM-dd HH:mm} UTC; the run took {run.Took.TotalMinutes:0.0} minutes."));
        Line($"- Command (from the repository root): `{run.Command}`");
        Line(Invariant($"- Machine: {run.Machine.Cores} cores ({run.Machine.CpuModel}), {run.Machine.MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB memory, {run.Machine.OperatingSystem}; load average {run.Machine.LoadAverages} (1, 5, 15 min) as the report was written, the run's own work included."));
        Line($"- Software: {run.Machine.Runtime}; the server built in Release on SQLite; Debian's Chromium {run.BrowserVersion}, headless, without GPU, on the same machine over loopback.");
        Line(Invariant($"- Data: `GraphGenerator` with seed {run.Options.Seed}: {run.Store.NodeCount:N0} nodes and {run.Store.EdgeCount:N0} edges, with one added address at which {ConsoleGraph.HubLinks:N0} companies are registered (the hub, `{run.Store.HubId}`)."));
        Line();
        Line("## Targets");
        Line();
        Line("| target | figure | |");
        Line("|---|---|---|");
        Line(Invariant($"| first page after sign-in ready in under 1 s on loopback | p50 {run.FirstPage.P50:0} ms, p95 {run.FirstPage.Percentile(0.95):0} ms ({run.FirstPage.Count} sign-ins) | {Met(run.FirstPage.Percentile(0.95) < FirstPageTarget)} |"));
        Line(Invariant($"| the search box's suggestions within 150 ms at p95 (the service call) | p50 {run.Suggestions.P50:0.#} ms, p95 {run.Suggestions.Percentile(0.95):0.#} ms ({run.Suggestions.Count} prefixes) | {Met(run.Suggestions.Percentile(0.95) <= SuggestionsTarget)} |"));
        Line(Invariant($"| expanding a node with 5,000 links draws its first 50 without freezing | open with the first {hub.LinksPerStep}: p95 {hub.Open.Percentile(0.95):0} ms, longest task p95 {hub.OpenLongest.Percentile(0.95):0} ms; show more to {2 * hub.LinksPerStep}: p95 {hub.Step.Percentile(0.95):0} ms, longest task p95 {hub.StepLongest.Percentile(0.95):0} ms | {Met(hub.OpenLongest.Percentile(0.95) < Freeze && hub.StepLongest.Percentile(0.95) < Freeze)} |"));
        Line(Invariant($"| the network view responsive with 1,000 nodes drawn ({hub.NodesDrawn:N0} reached, see below) | pan and zoom frames p50 {frames.P50:0.#} ms, p95 {frames.Percentile(0.95):0.#} ms, slowest {frames.Max:0} ms; longest task {hub.FramesLongest:0} ms | {(hub.NodesDrawn < HubTiming.NodesForFrames ? "**not reached**" : Met(frames.Percentile(0.95) <= SmoothFrame && hub.FramesLongest < Freeze))} |"));
        Line();
        Line("## Figures");
        Line();
        Line("Milliseconds. Browser figures are in the page's own clock (`performance.now()`), so they hold no test-driver time.");
        Line();
        Line("| | p50 | p95 | max | count |");
        Line("|---|---:|---:|---:|---:|");
        Row("first page after sign-in: POST of the form → search page interactive (fresh browser context each time)", run.FirstPage);
        Row($"suggestions: `NameSearch.SearchAsync` (the matcher), analyst's viewer, first {SuggestionTiming.Suggestions}, prefixes of 3–6 letters", run.Suggestions);
        Row($"hub network opened → drawn with its first {hub.LinksPerStep} links", hub.Open);
        Row("… longest main-thread task meanwhile", hub.OpenLongest);
        Row($"hub \"show more\" click → next {hub.LinksPerStep} drawn (about {2 * hub.LinksPerStep} of its links in view)", hub.Step);
        Row("… longest main-thread task meanwhile", hub.StepLongest);
        Row("pan and zoom with " + hub.NodesDrawn.ToString("N0", CultureInfo.InvariantCulture) + " nodes drawn: time between frames", frames);
        Line();
        if (hub.NodesDrawn < HubTiming.NodesForFrames)
        {
            Line(Invariant($"The view did not reach {HubTiming.NodesForFrames:N0} nodes within the {run.Options.GrowBudget.TotalMinutes:0}-minute budget of `--grow-minutes`."));
        }
        Line(Invariant($"Growing the view to {hub.NodesDrawn:N0} nodes took {Math.Ceiling((hub.NodesDrawn - 1.0) / Math.Max(1, hub.LinksPerStep)):0} \"show more\" steps; the last step (click → drawn) took {hub.LastStep:0} ms with a longest task of {hub.LastStepLongest:0} ms, and the longest task during pan and zoom was {hub.FramesLongest:0} ms."));
        if (hub.NoLongTasks is { } reason)
        {
            Line($"The browser reported no long tasks: {reason}.");
        }
        Line();
        return text.ToString();

        void Row(string name, Latencies times) =>
            Line(Invariant($"| {name} | {times.P50:0.#} | {times.Percentile(0.95):0.#} | {times.Max:0.#} | {times.Count} |"));
    }

    private static string Met(bool met) => met ? "met" : "**missed**";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
