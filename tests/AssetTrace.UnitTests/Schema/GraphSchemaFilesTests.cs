using AssetTrace.Accounts;
using AssetTrace.Cases;
using AssetTrace.Cli;
using AssetTrace.Graph.Model;
using AssetTrace.Graph.Schema;

namespace AssetTrace.UnitTests.Schema;

/// <summary>graph-schema/ and the C# types must agree, and the generated files must be current.</summary>
public sealed class GraphSchemaFilesTests
{
    private static readonly GraphSchema Schema = GraphSchema.Load(GraphSchema.DefaultDirectory);

    /// <summary>The graph-schema folder of the checkout (not the copy beside the binary), to compare generated files with.</summary>
    private static string SourceFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AssetTrace.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("AssetTrace.sln not found above the test binary."), "graph-schema");
    }

    [Fact]
    public void Every_node_kind_has_exactly_one_file_and_every_file_a_kind() =>
        Assert.Equal(Enum.GetValues<NodeKind>().Order(), Schema.Nodes.Keys.Order());

    [Fact]
    public void Every_edge_kind_has_exactly_one_file_and_every_file_a_kind() =>
        Assert.Equal(Enum.GetValues<EdgeKind>().Order(), Schema.Edges.Keys.Order());

    [Fact]
    public void Every_node_kind_requires_a_name() =>
        Assert.All(Schema.Nodes.Values, n => Assert.True(n.Properties.TryGetValue("name", out var name) && name.Required, n.FileName));

    [Fact]
    public void Every_property_type_is_in_the_property_type_code_list() =>
        Assert.All(Schema.Nodes.Values.SelectMany(n => n.Properties.Values).Concat(Schema.Edges.Values.SelectMany(e => e.Properties.Values)),
            p => Assert.Contains(p.Type, Schema.CodeLists["property-type"].Codes));

    [Fact]
    public void Code_lists_match_the_enums()
    {
        Assert.Equal(Enum.GetValues<UsageRestriction>().Select(Codes.Of), Schema.CodeLists["usage-restriction"].Codes);
        Assert.Equal(Enum.GetValues<SourceKind>().Select(Codes.Of), Schema.CodeLists["source-kind"].Codes);
        Assert.Equal(Enum.GetValues<Role>().Select(Codes.Of), Schema.CodeLists["role"].Codes);
        Assert.Equal(Enum.GetValues<CaseStatus>().Select(Codes.Of), Schema.CodeLists["case-status"].Codes);
    }

    [Fact]
    public void Edge_files_are_named_after_their_code() =>
        Assert.All(Schema.Edges.Values, e => Assert.Equal(Codes.Of(e.Kind).ToLowerInvariant().Replace('_', '-') + ".json", e.FileName));

    [Fact]
    public void The_printed_GraphQL_schema_is_current() =>
        Assert.True(File.ReadAllText(Path.Combine(SourceFolder(), "schema.graphql")) == SchemaCommands.PrintGraphQL(),
            "graph-schema/schema.graphql is stale: run `dotnet run --project src/AssetTrace -- schema graphql > graph-schema/schema.graphql`.");

    [Fact]
    public void The_Neo4j_constraints_are_current() =>
        Assert.True(File.ReadAllText(Path.Combine(SourceFolder(), "neo4j", "constraints.cypher")) == Neo4jConstraints.Generate(Schema),
            "graph-schema/neo4j/constraints.cypher is stale: run `dotnet run --project src/AssetTrace -- schema neo4j > graph-schema/neo4j/constraints.cypher`.");
}
