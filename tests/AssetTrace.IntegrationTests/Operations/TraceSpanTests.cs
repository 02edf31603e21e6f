using System.Collections.Concurrent;
using System.Diagnostics;
using AssetTrace.IntegrationTests.Infrastructure;
using AssetTrace.Storage;

namespace AssetTrace.IntegrationTests.Operations;

/// <summary>
/// Traces (#19): a GraphQL request's span has one child span per top-level field, named by the schema, and
/// none for the fields below them; a field that fails marks its span with the error's type, never its message.
/// </summary>
public sealed class TraceSpanTests : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private ActivityListener _listener = null!;
    private ServerHarness _server = null!;

    public async Task InitializeAsync()
    {
        _listener = AssetTraceSpans.Listen(_stopped.Add);
        _server = await ServerHarness.StartAsync(StoreKind.Sqlite);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Each_top_level_field_has_a_span_under_the_requests_span_and_the_fields_below_have_none()
    {
        await _server.DataAsync("""
            query SpanProbeOne { search(query: "Akhmetov") { totalCount nodes { id name } } case(id: "demo-case") { title } }
            """);
        var (_, failed) = await _server.GraphQLAsync("""query SpanProbeTwo { node(id: "demo-serik-akhmetov") { id } caseAssets(caseId: "a-secret-case-name") { nodeId } }""");
        Assert.NotNull(failed["errors"]);

        var request = Assert.Single(_stopped, a => a.DisplayName == "graphql SpanProbeOne");
        var fields = _stopped.Where(a => a.ParentSpanId == request.SpanId).Select(a => a.DisplayName).Order(StringComparer.Ordinal);
        Assert.Equal(["graphql.field Query.case", "graphql.field Query.search"], fields);
        var search = Assert.Single(_stopped, a => a.DisplayName == "graphql.field Query.search" && a.ParentSpanId == request.SpanId);
        Assert.Equal(("Query", "search"), (search.GetTagItem("graphql.field.parent_type"), search.GetTagItem("graphql.field.name")));
        Assert.DoesNotContain(_stopped, a => a.TraceId == request.TraceId && a.DisplayName.StartsWith("graphql.field NodePage", StringComparison.Ordinal));

        var second = Assert.Single(_stopped, a => a.DisplayName == "graphql SpanProbeTwo");
        var spans = _stopped.Where(a => a.ParentSpanId == second.SpanId).ToList();
        var failing = Assert.Single(spans, a => a.Status == ActivityStatusCode.Error);
        Assert.Equal(("graphql.field Query.caseAssets", "NotFoundException"), (failing.DisplayName, failing.StatusDescription));
        Assert.Contains(spans, a => a.DisplayName == "graphql.field Query.node" && a.Status != ActivityStatusCode.Error);
    }
}
