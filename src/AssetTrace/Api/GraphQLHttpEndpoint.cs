using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AssetTrace.Api.Limits;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssetTrace.Api;

/// <summary>
/// /graphql over HTTP, following the GraphQL-over-HTTP draft: GET for queries, POST with
/// application/json for anything; responses in application/graphql-response+json (or
/// application/json when that is all the client accepts); 400 for a request that could not
/// be executed (syntax, validation, cost and alias limits, an answer over Api:MaxResponseBytes),
/// 401 without a valid token, 405 for a mutation over GET, 413 and 415 for oversized or mistyped
/// bodies, 429 with Retry-After when expensive fields are over the user's or the server's limits.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string Path = "/graphql";
    private const string GraphQLResponse = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(Path, ["GET", "POST"], HandleAsync).AllowAnonymous();
        routes.MapMethods(Path, ["PUT", "DELETE", "PATCH"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).AllowAnonymous();
        return routes;
    }

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<AssetTraceSchema> executer, IGraphQLTextSerializer serializer,
        IOptions<ApiLimits> limits, QueryLimits queryLimits)
    {
        var ct = http.RequestAborted;
        var useGraphQLResponse = AcceptsGraphQLResponse(http.Request);
        if (http.User.Identity?.IsAuthenticated != true)
        {
            var authenticated = await http.AuthenticateAsync();
            if (!authenticated.Succeeded)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteErrorAsync(http, serializer, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                    authenticated.Failure?.Message ?? "Send 'Authorization: Bearer <token>': sign in at POST /auth/login, or use an API token.", useGraphQLResponse);
                return;
            }
            http.User = authenticated.Principal!;
        }

        var (request, problem, status) = HttpMethods.IsGet(http.Request.Method)
            ? ReadGet(http.Request, serializer)
            : await ReadPostAsync(http.Request, serializer, limits.Value.MaxRequestBytes, ct);
        if (request is null)
        {
            await WriteErrorAsync(http, serializer, status, CodeOf(status), problem!, useGraphQLResponse);
            return;
        }

        var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.User.Identity?.Name ?? "";
        using var budget = new RequestBudget(user, limits.Value.MaxResponseBytes);
        var isGet = HttpMethods.IsGet(http.Request.Method);
        // Measured by the operation's name, never its text (#19).
        using var activity = Operations.Telemetry.AssetTraceTelemetry.StartGraphQL(request.OperationName);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var commands = Storage.StoreCommandTally.Begin();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new Dictionary<string, object?> { [RequestBudget.Key] = budget },
            CancellationToken = ct,
            ValidationRules = isGet ? queryLimits.Rules(new QueriesOnlyOverGet()) : queryLimits.Rules(),
        });
        Operations.Telemetry.AssetTraceTelemetry.GraphQLAnswered(activity, result.Operation?.Name?.StringValue ?? request.OperationName, result.Executed, result.Errors?.Count > 0, System.Diagnostics.Stopwatch.GetElapsedTime(started), commands.Commands);
        ComplexityRefusals.NameLimits(result, limits.Value);
        if (budget.ResponseTooLarge)
        {
            // Whatever was built before the limit was reached is dropped: half an answer would mislead.
            result = NotExecuted(ResponseSize.TooLarge(budget.MaxResponseBytes));
        }

        // A request that could not be executed at all (syntax, validation, limits) is the
        // client's fault: 400 where the client understands graphql-response+json.
        var code = result.Executed || !useGraphQLResponse ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        if (result.Errors?.Any(e => e.Code == QueriesOnlyOverGet.Code) == true)
        {
            http.Response.Headers.Allow = "POST";
            code = StatusCodes.Status405MethodNotAllowed;
        }
        if (!result.Executed && budget.Permit is { IsGranted: false } refused)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            code = StatusCodes.Status429TooManyRequests;
        }
        await WriteAsync(http, serializer, result, code, useGraphQLResponse, budget.MaxResponseBytes, ct);
    }

    private static ExecutionResult NotExecuted(ExecutionError error) => new() { Executed = false, Errors = [error] };

    /// <summary>Writes the answer once it is known to fit under the limit, so the status can still say when it does not.</summary>
    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result, int code, bool useGraphQLResponse, int maxBytes, CancellationToken ct)
    {
        using var buffer = new BoundedBuffer(maxBytes);
        try
        {
            await serializer.WriteAsync(buffer, result, ct);
        }
        catch (ResponseTooLargeException)
        {
            buffer.SetLength(0);
            await serializer.WriteAsync(buffer, NotExecuted(ResponseSize.TooLarge(maxBytes)), ct);
            code = useGraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        }
        http.Response.StatusCode = code;
        http.Response.ContentType = (useGraphQLResponse ? GraphQLResponse : "application/json") + "; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, ct);
    }

    private static (GraphQLRequest? Request, string? Problem, int Status) ReadGet(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        var query = request.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, "A GET request needs the parameter 'query'.", StatusCodes.Status400BadRequest);
        }
        GraphQL.Inputs? variables = null;
        var variablesText = request.Query["variables"].ToString();
        if (!string.IsNullOrEmpty(variablesText))
        {
            try
            {
                variables = serializer.Deserialize<GraphQL.Inputs>(variablesText);
            }
            catch (JsonException e)
            {
                return (null, $"The parameter 'variables' is not a JSON object: {e.Message}", StatusCodes.Status400BadRequest);
            }
        }
        var operationName = request.Query["operationName"].ToString();
        return (new GraphQLRequest { Query = query, Variables = variables, OperationName = string.IsNullOrEmpty(operationName) ? null : operationName }, null, 200);
    }

    private static async Task<(GraphQLRequest? Request, string? Problem, int Status)> ReadPostAsync(HttpRequest request, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"POST a JSON body with 'Content-Type: application/json' (got '{request.ContentType ?? "none"}').", StatusCodes.Status415UnsupportedMediaType);
        }
        if (request.ContentLength > maxBytes)
        {
            return (null, $"The request body is {request.ContentLength} bytes; the limit is {maxBytes}.", StatusCodes.Status413PayloadTooLarge);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, $"The request body is over the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        GraphQLRequest? parsed;
        try
        {
            parsed = await serializer.ReadAsync<GraphQLRequest>(buffer, ct);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}", StatusCodes.Status400BadRequest);
        }
        return string.IsNullOrWhiteSpace(parsed?.Query)
            ? (null, "The JSON body needs a 'query' string.", StatusCodes.Status400BadRequest)
            : (parsed, null, 200);
    }

    private static bool AcceptsGraphQLResponse(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return string.IsNullOrEmpty(accept) || accept.Contains(GraphQLResponse, StringComparison.OrdinalIgnoreCase)
            || accept.Contains("*/*", StringComparison.Ordinal) || !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The code of a request refused before it is read as GraphQL: says what the status says (#12).</summary>
    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        _ => "BAD_REQUEST",
    };

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message, bool useGraphQLResponse)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = (useGraphQLResponse ? GraphQLResponse : "application/json") + "; charset=utf-8";
        var result = new ExecutionResult { Executed = false, Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>GET must not change anything: a mutation sent by GET is refused before it runs.</summary>
    private sealed class QueriesOnlyOverGet : GraphQL.Validation.ValidationRuleBase
    {
        public const string Code = "METHOD_NOT_ALLOWED";

        public override ValueTask<GraphQL.Validation.INodeVisitor?> GetPreNodeVisitorAsync(GraphQL.Validation.ValidationContext context)
        {
            var operation = context.Operation;
            if (operation.Operation != OperationType.Query)
            {
                context.ReportError(new GraphQL.Validation.ValidationError(
                    $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent by POST, not GET.") { Code = Code });
            }
            return default;
        }
    }
}
