using System.Diagnostics;
using AssetTrace.Operations.Telemetry;
using GraphQL;
using GraphQL.Instrumentation;

namespace AssetTrace.Api;

/// <summary>
/// A span for each top-level field of a query or mutation (#19), under the request's span, so a trace shows
/// which field of a request took the time and which store calls it made. Nested fields get none: a list of a
/// thousand nodes would make a thousand spans for what the root field's span already covers.
/// </summary>
public sealed class RootFieldSpanMiddleware : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (context.Parent is not null)
        {
            return await next(context);
        }
        using var activity = AssetTraceTelemetry.StartField(context.ParentType.Name, context.FieldDefinition.Name);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (activity is not null)
        {
            // The error's type only: a message may quote the input.
            activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }
}
