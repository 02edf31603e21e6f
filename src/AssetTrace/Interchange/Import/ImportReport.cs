using System.Text.Json.Nodes;

namespace AssetTrace.Interchange.Import;

/// <summary>One problem with the input: where, and what is wrong.</summary>
public sealed record ImportProblem(RecordLocation Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>A file read by a run, with its SHA-256, so the report names exactly what was imported.</summary>
public sealed record ImportedFile(string Name, long Bytes, string Sha256);

/// <summary>
/// What a run did. The counts add up: every item read is a node or edge created, updated or
/// unchanged, a supersession, a sanction listing, outdated, ignored, or skipped (and then has a problem in
/// <see cref="Problems"/>, up to the configured cap).
/// </summary>
public sealed class ImportReport
{
    public required string RunId { get; init; }

    public required string Format { get; init; }

    public List<ImportedFile> Files { get; } = [];

    /// <summary>Committed (true) or rolled back (false; nothing was written).</summary>
    public bool Committed { get; set; }

    /// <summary>Why nothing was written, when <see cref="Committed"/> is false.</summary>
    public string? FailureReason { get; set; }

    /// <summary>Items read from the files: nodes, edges, supersessions, listings and bad records.</summary>
    public long ItemsRead { get; set; }

    /// <summary>Items older than what their record already holds (see <see cref="ImportItem.AsOf"/>).</summary>
    public long Outdated { get; set; }

    public long NodesCreated { get; set; }

    public long NodesUpdated { get; set; }

    public long NodesUnchanged { get; set; }

    /// <summary>Records that named an existing node by an identifier (registration number, IMO, …).</summary>
    public long NodesMatched { get; set; }

    public long EdgesCreated { get; set; }

    public long EdgesUpdated { get; set; }

    public long EdgesUnchanged { get; set; }

    public long EdgesRemoved { get; set; }

    public long Superseded { get; set; }

    public long SanctionListings { get; set; }

    public long MergesSuggested { get; set; }

    public long Skipped { get; set; }

    /// <summary>Well-formed records of kinds the model does not hold; the first reasons are in <see cref="Notes"/>.</summary>
    public long Ignored { get; set; }

    public SortedDictionary<string, long> Notes { get; } = new(StringComparer.Ordinal);

    public long ProblemCount { get; set; }

    public List<ImportProblem> Problems { get; } = [];

    public JsonObject ToJson() => new()
    {
        ["runId"] = RunId,
        ["format"] = Format,
        ["files"] = new JsonArray([.. Files.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["bytes"] = f.Bytes, ["sha256"] = f.Sha256 })]),
        ["committed"] = Committed,
        ["failureReason"] = FailureReason,
        ["counts"] = Counts(),
        ["ignoredKinds"] = new JsonObject([.. Notes.Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value))]),
        ["problems"] = new JsonArray([.. Problems.Select(p => (JsonNode)new JsonObject { ["at"] = p.Location.ToString(), ["reason"] = p.Reason })]),
    };

    public JsonObject Counts() => new()
    {
        ["itemsRead"] = ItemsRead,
        ["nodesCreated"] = NodesCreated,
        ["nodesUpdated"] = NodesUpdated,
        ["nodesUnchanged"] = NodesUnchanged,
        ["nodesMatched"] = NodesMatched,
        ["edgesCreated"] = EdgesCreated,
        ["edgesUpdated"] = EdgesUpdated,
        ["edgesUnchanged"] = EdgesUnchanged,
        ["edgesRemoved"] = EdgesRemoved,
        ["superseded"] = Superseded,
        ["outdated"] = Outdated,
        ["sanctionListings"] = SanctionListings,
        ["mergesSuggested"] = MergesSuggested,
        ["skipped"] = Skipped,
        ["ignored"] = Ignored,
        ["problems"] = ProblemCount,
    };

    public void AddProblem(RecordLocation location, string reason, int cap)
    {
        ProblemCount++;
        if (Problems.Count < cap)
        {
            Problems.Add(new ImportProblem(location, reason));
        }
    }
}

/// <summary>A file that cannot be read on (broken syntax, wrong encoding): the run stops and writes nothing.</summary>
public sealed class ImportFormatException(RecordLocation location, string message, Exception? inner = null)
    : Exception($"{location}: {message}", inner)
{
    public RecordLocation Location { get; } = location;
}
