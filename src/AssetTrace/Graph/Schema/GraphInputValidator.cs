using System.Text.Json;
using AssetTrace.Common;
using AssetTrace.Graph.Model;

namespace AssetTrace.Graph.Schema;

/// <summary>
/// Checks nodes and edges against the model before anything is written: kinds, required
/// properties, value types, shares within 0–100, and which node kinds an edge may join.
/// Field paths in errors start at <c>input</c>, the argument name every mutation uses.
/// </summary>
public sealed class GraphInputValidator(GraphSchema schema)
{
    private readonly PropertyValidator _properties = new(schema);

    public void ValidateNode(NodeKind kind, JsonElement properties, DateOnly? validFrom, DateOnly? validTo)
    {
        var errors = new List<FieldError>();
        if (!schema.Nodes.TryGetValue(kind, out var definition))
        {
            throw new UserInputException("input.kind", $"'{kind}' has no definition in graph-schema/nodes.");
        }
        _properties.Validate("input.properties", Codes.Of(kind), definition.Properties, properties, errors);
        CheckValidity(validFrom, validTo, errors);
        ThrowIfAny(errors);
    }

    public void ValidateEdge(EdgeKind kind, NodeKind sourceKind, NodeKind targetKind, JsonElement properties, DateOnly? validFrom, DateOnly? validTo)
    {
        var errors = new List<FieldError>();
        if (!schema.Edges.TryGetValue(kind, out var definition))
        {
            throw new UserInputException("input.kind", $"'{Codes.Of(kind)}' has no definition in graph-schema/edges.");
        }
        if (!definition.From.Contains(sourceKind))
        {
            errors.Add(new FieldError("input.sourceId",
                $"{Codes.Of(kind)} edges cannot start at a node of kind {sourceKind}; they may start at {string.Join(", ", definition.From.Order())}."));
        }
        if (!definition.To.Contains(targetKind))
        {
            errors.Add(new FieldError("input.targetId",
                $"{Codes.Of(kind)} edges cannot end at a node of kind {targetKind}; they may end at {string.Join(", ", definition.To.Order())}."));
        }
        _properties.Validate("input.properties", Codes.Of(kind), definition.Properties, properties, errors);
        CheckShareRange(properties, errors);
        CheckValidity(validFrom, validTo, errors);
        ThrowIfAny(errors);
    }

    /// <summary>
    /// An edge joins two different nodes, with one exception (#12): a company may hold some of its own
    /// shares (treasury shares, e.g. 1.81 % of itself in a register), an OWNS edge from the company to
    /// itself. Effective ownership then counts the other owners' shares as shares of those the company
    /// does not hold itself (see <c>Analytics/Ownership/FlowRegion</c>), which needs the self share below 100 %.
    /// </summary>
    public static void CheckEnds(EdgeKind kind, string sourceId, string targetId, NodeKind sourceKind, JsonElement properties)
    {
        if (sourceId != targetId)
        {
            return;
        }
        if (kind != EdgeKind.Owns || sourceKind != NodeKind.Company)
        {
            throw new UserInputException("input.targetId",
                $"both ends of this {Codes.Of(kind)} edge are the same node '{sourceId}': an edge must join two different nodes; "
                + "the one exception is a company holding some of its own shares, an OWNS edge from the company to itself.");
        }
        if (ShareOf(properties) is { Low: >= 100 })
        {
            throw new UserInputException("input.properties.share",
                $"company '{sourceId}' cannot hold all of its own shares: give the share it holds of itself (treasury shares) below 100.");
        }
    }

    /// <summary>
    /// The reference of a fact's provenance, trimmed, or null when blank. Refused when too long or
    /// holding characters a line of text may not (see <see cref="TextHygiene"/>).
    /// </summary>
    public static string? SourceReference(string? reference)
    {
        TextHygiene.Require("input.provenance.reference", reference, TextKind.Line, TextLimits.SourceReference);
        return string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
    }

    /// <summary>Why a node or edge is changed or deleted: free text, kept with the earlier version and in the audit log.</summary>
    public static void CheckReason(string reason) =>
        TextHygiene.Require("input.reason", reason, TextKind.FreeText, TextLimits.Reason);

    /// <summary>The share an OWNS or BENEFICIAL_OWNER_OF edge declares, or null when it is unknown.</summary>
    public static ShareRange? ShareOf(JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var exact = Percent(properties, "share");
        if (exact is not null)
        {
            return ShareRange.Exact(exact.Value);
        }
        var low = Percent(properties, "shareMin");
        var high = Percent(properties, "shareMax");
        return low is null && high is null ? null : new ShareRange(low ?? 0, high ?? 100);
    }

    private static decimal? Percent(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;

    private static void CheckShareRange(JsonElement properties, List<FieldError> errors)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var exact = Percent(properties, "share");
        var low = Percent(properties, "shareMin");
        var high = Percent(properties, "shareMax");
        if (exact is not null && (low is not null || high is not null))
        {
            errors.Add(new FieldError("input.properties.share", "give either an exact share or a range (shareMin/shareMax), not both."));
        }
        if (low is not null && high is not null && low > high)
        {
            errors.Add(new FieldError("input.properties.shareMin", $"the lower bound {low} is above the upper bound {high}."));
        }
    }

    private static void CheckValidity(DateOnly? validFrom, DateOnly? validTo, List<FieldError> errors)
    {
        if (validFrom is not null && validTo is not null && validFrom > validTo)
        {
            errors.Add(new FieldError("input.validTo", $"{validTo:yyyy-MM-dd} is before validFrom {validFrom:yyyy-MM-dd}."));
        }
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }
}
