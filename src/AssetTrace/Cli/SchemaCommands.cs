using System.CommandLine;
using AssetTrace.Api;
using AssetTrace.Graph.Schema;
using GraphQL;
using GraphQL.Utilities;

namespace AssetTrace.Cli;

/// <summary>
/// <c>assettrace schema graphql</c> and <c>assettrace schema neo4j</c>: print the files kept in
/// graph-schema/ (schema.graphql, neo4j/constraints.cypher); tests fail when they are stale.
/// </summary>
public static class SchemaCommands
{
    public static Command Create()
    {
        var graphql = new Command("graphql", "Print the GraphQL SDL (graph-schema/schema.graphql).");
        graphql.SetAction(_ =>
        {
            Console.Write(PrintGraphQL());
            return 0;
        });
        var neo4j = new Command("neo4j", "Print the Neo4j constraints and indexes (graph-schema/neo4j/constraints.cypher).");
        neo4j.SetAction(_ =>
        {
            Console.Write(Neo4jConstraints.Generate(GraphSchema.Load(GraphSchema.DefaultDirectory)));
            return 0;
        });
        return new Command("schema", "Print the generated schema files.") { graphql, neo4j };
    }

    public static string PrintGraphQL()
    {
        var services = new ServiceCollection();
        services.AddGraphQL(b => b.AddSchema<AssetTraceSchema>().AddGraphTypes(typeof(AssetTraceSchema).Assembly));
        using var provider = services.BuildServiceProvider();
        var schema = provider.GetRequiredService<AssetTraceSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, StringComparison = StringComparison.Ordinal }).ReplaceLineEndings("\n") + "\n";
    }
}
