using AssetTrace.Analytics.Engine;
using AssetTrace.Common;
using GraphQL;
using GraphQL.Instrumentation;

namespace AssetTrace.Api;

/// <summary>
/// Turns the errors a user can cause into GraphQL errors with a code (BAD_USER_INPUT,
/// NOT_FOUND, CONFLICT, FORBIDDEN, WARMING) and, for input errors, the field at fault. Anything else
/// stays an internal error whose details are not shown.
/// </summary>
public sealed class DomainErrorMiddleware : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UserInputException e)
        {
            // All but the last are added; the last is thrown, so the field fails without a second, generic error.
            foreach (var error in e.Errors.SkipLast(1))
            {
                var added = Error($"{error.Field}: {error.Message}", "BAD_USER_INPUT", context, error.Field);
                added.AddLocation(context.FieldAst, context.Document);
                context.Errors.Add(added);
            }
            var last = e.Errors[^1];
            throw Error($"{last.Field}: {last.Message}", "BAD_USER_INPUT", context, last.Field);
        }
        catch (NotFoundException e)
        {
            throw Error(e.Message, "NOT_FOUND", context, null);
        }
        catch (ConflictException e)
        {
            throw Error(e.Message, "CONFLICT", context, null);
        }
        catch (ForbiddenException e)
        {
            throw Error(e.Message, "FORBIDDEN", context, null);
        }
        catch (SnapshotWarmingException e)
        {
            // The graph is still being read into memory after a start (#18): the client is told how far, and asks again.
            var error = Error(e.Message, "WARMING", context, null);
            error.Data["rowsRead"] = e.RowsRead;
            error.Data["rowsTotal"] = e.RowsTotal;
            error.Data["source"] = e.LoadingFrom;
            throw error;
        }
    }

    private static ExecutionError Error(string message, string code, IResolveFieldContext context, string? field)
    {
        // No location here: the execution strategy adds the field's location to the error thrown from it,
        // and a second one listed every location twice (#12). Errors added rather than thrown add their own.
        var error = new ExecutionError(message) { Code = code, Path = context.Path };
        if (field is not null)
        {
            error.Data["field"] = field;
        }
        return error;
    }
}
