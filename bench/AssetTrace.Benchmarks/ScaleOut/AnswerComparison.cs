using AssetTrace.Benchmarks.Measuring;
using AssetTrace.Benchmarks.Server;

namespace AssetTrace.Benchmarks.ScaleOut;

/// <summary>The same questions asked of two servers and their answers' JSON compared as text (#18: the same answers).</summary>
internal sealed record AnswerComparison(string When, int Questions, int Different, string? FirstDifference)
{
    /// <param name="count">How many of each: beneficialOwners with five paths and their nodes and edges with provenance, and shortestPaths.</param>
    public static async Task<AnswerComparison> RunAsync(string when, GraphQLSession a, GraphQLSession b, Samples samples, int count, CancellationToken ct)
    {
        var questions = samples.OwnershipTargets.Take(count).Select(id => (GraphQLLoad.BeneficialOwnersWithPaths, (object)new { id }))
            .Concat(samples.PathPairs.Take(count).Select(pair => (GraphQLLoad.ShortestPaths, GraphQLLoad.PathVariables(pair))))
            .ToList();
        var (different, first) = (0, (string?)null);
        foreach (var (query, variables) in questions)
        {
            var fromA = (await a.DataAsync(query, variables, ct)).ToJsonString();
            var fromB = (await b.DataAsync(query, variables, ct)).ToJsonString();
            if (fromA != fromB)
            {
                different++;
                first ??= $"{System.Text.Json.JsonSerializer.Serialize(variables)}: {a.Name} {Clip(fromA)} / {b.Name} {Clip(fromB)}";
            }
        }
        return new AnswerComparison(when, questions.Count, different, first);
    }

    private static string Clip(string json) => json.Length <= 300 ? json : json[..300] + "…";
}
