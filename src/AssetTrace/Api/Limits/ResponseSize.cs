using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace AssetTrace.Api.Limits;

/// <summary>
/// Keeps count of how large the answer grows while it is built, node by node, so the server
/// stops building it once it passes <see cref="ApiLimits.MaxResponseBytes"/> (#11) instead of
/// holding hundreds of megabytes. The count is the JSON each node adds: its key, and for a
/// scalar its value. The endpoint checks the written answer against the same limit.
/// </summary>
public static class ResponseSize
{
    public const string Code = "RESPONSE_TOO_LARGE";

    /// <summary>Adds what a finished node adds to the answer; throws once the answer is over the limit.</summary>
    public static void Count(ExecutionContext context, ExecutionNode node)
    {
        if (RequestBudget.Of(context.UserContext) is not { } budget)
        {
            return;
        }
        // "key": and a separator; array items have no key.
        long bytes = node.IndexInParentNode is null ? Encoding.UTF8.GetByteCount(node.Name ?? "") + 4 : 1;
        bytes += node switch
        {
            ValueExecutionNode => JsonBytes(node.Result),
            // Scalar items of a list are finished with the list, not one by one.
            ArrayExecutionNode { Items: { } items } => 2 + items.OfType<ValueExecutionNode>().Sum(i => JsonBytes(i.Result) + 1),
            _ => 2,
        };
        if (!budget.AddResponseBytes(bytes))
        {
            throw TooLarge(budget.MaxResponseBytes);
        }
    }

    public static ExecutionError TooLarge(int maxBytes) => new(
        $"The answer would be larger than {maxBytes} bytes (Api:MaxResponseBytes), so it was not built. " +
        "Ask for less: page with first/after, select fewer fields, or fetch large fields such as pdfBase64 one at a time.")
    { Code = Code };

    /// <summary>About how many bytes a serialized scalar takes in JSON.</summary>
    public static long JsonBytes(object? value) => value switch
    {
        null => 4,
        string text => Encoding.UTF8.GetByteCount(text) + 2,
        bool => 5,
        JsonElement element => Encoding.UTF8.GetByteCount(element.GetRawText()),
        JsonNode json => Encoding.UTF8.GetByteCount(json.ToJsonString()),
        IDictionary map => 2 + map.Keys.Cast<object>().Sum(k => JsonBytes(k.ToString()) + 2 + JsonBytes(map[k])),
        IEnumerable items => 2 + items.Cast<object?>().Sum(i => JsonBytes(i) + 1),
        IFormattable number => Encoding.UTF8.GetByteCount(number.ToString(null, System.Globalization.CultureInfo.InvariantCulture)) + 2,
        _ => Encoding.UTF8.GetByteCount(value.ToString() ?? "") + 2,
    };
}

/// <summary>Queries run in parallel, as by default, and count the answer's size as it grows.</summary>
public sealed class SizeCountingParallelStrategy : ParallelExecutionStrategy
{
    protected override async Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        await base.ExecuteNodeAsync(context, node);
        ResponseSize.Count(context, node);
    }
}

/// <summary>Mutations run one after another, as by default, and count the answer's size as it grows.</summary>
public sealed class SizeCountingSerialStrategy : SerialExecutionStrategy
{
    protected override async Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        await base.ExecuteNodeAsync(context, node);
        ResponseSize.Count(context, node);
    }
}
