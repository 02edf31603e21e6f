using AssetTrace.Common;
using GraphQL;
using GraphQL.Instrumentation;

namespace AssetTrace.Api;

/// <summary>
/// Turns the errors a user can cause into GraphQL errors with a code (BAD_USER_INPUT,
/// NOT_FOUND, CONFLICT, FORBIDDEN) and, for input errors, the field at fault. Anything else
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
                context.Errors.Add(Error($"{error.Field}: {error.Message}", "BAD_USER_INPUT", context, error.Field));
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
    }

    private static ExecutionError Error(string message, string code, IResolveFieldContext context, string? field)
    {
        var error = new ExecutionError(message) { Code = code, Path = context.Path };
        error.AddLocation(context.FieldAst, context.Document);
        if (field is not null)
        {
            error.Data["field"] = field;
        }
        return error;
    }
}
