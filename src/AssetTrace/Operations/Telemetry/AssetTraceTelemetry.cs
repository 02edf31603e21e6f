using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace AssetTrace.Operations.Telemetry;

/// <summary>
/// The Meter and ActivitySource "AssetTrace" and every instrument of the product (#19), so what is measured
/// can be read in one place. Features call the small methods here (one line each); tags carry names chosen
/// by the code (an operation's name, a format), never a query text, a user name or a fact.
/// </summary>
public static partial class AssetTraceTelemetry
{
    public const string Name = "AssetTrace";

    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The tag of a request's span that holds the SQL commands it made (#18).</summary>
    public const string StoreCommandsTag = "assettrace.store.commands";

    private static readonly Counter<long> GraphQLRequests = Meter.CreateCounter<long>("assettrace.graphql.requests", "{request}", "GraphQL requests by operation name and outcome.");
    private static readonly Histogram<double> GraphQLDuration = Meter.CreateHistogram<double>("assettrace.graphql.duration", "s", "Time to answer a GraphQL request, by operation name.");
    private static readonly Histogram<long> GraphQLStoreCommands = Meter.CreateHistogram<long>("assettrace.graphql.store_commands", "{command}", "SQL commands one GraphQL request made, by operation name: a figure that grows with the answer means reads per item (#18).");
    private static readonly Histogram<double> MatchingSteps = Meter.CreateHistogram<double>("assettrace.matching.duration", "s", "Time a name lookup spends in each step, step=counter (the change counter and bringing the index up to it)|lookup (the index)|nodes (reading the hits' nodes from the store) (#14).");
    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("assettrace.analytics.cache.lookups", "{lookup}", "Analytics cache lookups; result=hit or miss.");
    private static readonly Counter<long> InterchangeRows = Meter.CreateCounter<long>("assettrace.interchange.rows", "{row}", "Nodes and edges imported or exported; direction=import|export, format.");
    private static readonly Histogram<double> InterchangeDuration = Meter.CreateHistogram<double>("assettrace.interchange.duration", "s", "Time an import or export took; direction, format.");
    private static readonly Counter<long> ImapPolls = Meter.CreateCounter<long>("assettrace.mail.imap.polls", "{poll}", "IMAP reads of the desk's mailbox; result=ok|error.");
    private static readonly Counter<long> ImapMessages = Meter.CreateCounter<long>("assettrace.mail.imap.messages", "{message}", "Messages stored from IMAP.");
    private static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>("assettrace.signin.failures", "{attempt}", "Refused sign-ins; reason=failed|throttled (which of user or password is not told).");

    // Open-source watch (#15). A source's name is a tag: sources are the office's own files, so their names are few.
    private static readonly Counter<long> CrawlPages = Meter.CreateCounter<long>("assettrace.crawl.pages", "{page}", "Pages a watch source's crawl handled; source, result=changed|unchanged|failed|refused.");
    private static readonly Counter<long> CrawlLeads = Meter.CreateCounter<long>("assettrace.crawl.leads", "{lead}", "Leads raised by a watch source's crawl; source.");

    /// <summary>An operation's name as a tag: a GraphQL name, or "anonymous"; anything else is "invalid" so a client cannot make up tag values without end.</summary>
    public static string OperationTag(string? name) =>
        string.IsNullOrEmpty(name) ? "anonymous" : OperationName().IsMatch(name) ? name : "invalid";

    /// <summary>The span of one GraphQL request, between the HTTP request's span and the store's (Npgsql's) spans.</summary>
    public static Activity? StartGraphQL(string? operationName) => Source.StartActivity($"graphql {OperationTag(operationName)}", ActivityKind.Internal);

    /// <summary>The span of one top-level field of a request, e.g. "graphql.field Query.beneficialOwners"; names come from the schema.</summary>
    public static Activity? StartField(string parentType, string field)
    {
        var activity = Source.StartActivity($"graphql.field {parentType}.{field}", ActivityKind.Internal);
        activity?.SetTag("graphql.field.parent_type", parentType);
        activity?.SetTag("graphql.field.name", field);
        return activity;
    }

    /// <param name="operationName">The operation's name as the request or its document gives it.</param>
    /// <param name="storeCommands">The SQL commands the request made (<see cref="Storage.StoreCommandTally"/>).</param>
    public static void GraphQLAnswered(Activity? activity, string? operationName, bool executed, bool errors, TimeSpan took, long storeCommands)
    {
        var operation = OperationTag(operationName);
        activity?.SetTag("graphql.operation.name", operation);
        activity?.SetTag(StoreCommandsTag, storeCommands);
        if (activity is not null)
        {
            activity.DisplayName = $"graphql {operation}";
        }
        var outcome = !executed ? "refused" : errors ? "errors" : "ok";
        GraphQLRequests.Add(1, new("operation", operation), new("outcome", outcome));
        GraphQLDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));
        GraphQLStoreCommands.Record(storeCommands, new KeyValuePair<string, object?>("operation", operation));
    }

    /// <param name="fetched">False when the page was not asked for at all (robots.txt, an address the source may not reach).</param>
    public static void CrawlPage(string source, bool fetched, bool unchanged, bool changed, int leads)
    {
        var result = !fetched ? "refused" : changed ? "changed" : unchanged ? "unchanged" : "failed";
        CrawlPages.Add(1, new("source", source), new("result", result));
        if (leads > 0)
        {
            CrawlLeads.Add(leads, new KeyValuePair<string, object?>("source", source));
        }
    }

    /// <summary>One step of a name lookup or search, for where a search's time goes (#14).</summary>
    public static void MatchingStep(string step, TimeSpan took) => MatchingSteps.Record(took.TotalSeconds, new KeyValuePair<string, object?>("step", step));

    public static void CacheLookup(bool hit) => CacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public static void Interchange(string direction, string format, long rows, TimeSpan took)
    {
        InterchangeRows.Add(rows, new("direction", direction), new("format", format));
        InterchangeDuration.Record(took.TotalSeconds, new("direction", direction), new("format", format));
    }

    public static void ImapPolled(bool ok, int stored)
    {
        ImapPolls.Add(1, new KeyValuePair<string, object?>("result", ok ? "ok" : "error"));
        ImapMessages.Add(stored);
    }

    public static void SignInRefused(bool throttled) => SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", throttled ? "throttled" : "failed"));

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]{0,63}$")]
    private static partial Regex OperationName();
}
