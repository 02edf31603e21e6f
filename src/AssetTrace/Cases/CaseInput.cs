using AssetTrace.Common;
using AssetTrace.Graph.Schema;

namespace AssetTrace.Cases;

/// <summary>
/// Every check of what a user types into a case, made once: required fields, the crime type's code,
/// text lengths and characters (<see cref="TextHygiene"/>), and member lists, which come back trimmed and
/// without repeats. All problems of one input are reported together, each naming its field.
/// </summary>
public static class CaseInput
{
    /// <summary>The checked team and supervisors of a new case; throws naming every field that is wrong.</summary>
    public static (List<string> Team, List<string> Supervisors) Check(CaseDraft draft, GraphSchema schema)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(draft.Number))
        {
            errors.Add(new FieldError("input.number", "give the case number, e.g. 2026-ARC-0017."));
        }
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors.Add(new FieldError("input.title", "give the case a title."));
        }
        CheckCrimeType(draft.CrimeType, schema, errors);
        TextHygiene.Check("input.id", draft.Id, TextKind.Identifier, TextLimits.Id, errors);
        TextHygiene.Check("input.number", draft.Number, TextKind.Identifier, TextLimits.CaseNumber, errors);
        TextHygiene.Check("input.title", draft.Title, TextKind.Line, TextLimits.CaseTitle, errors);
        var team = Members("input.team", draft.Team, errors);
        var supervisors = Members("input.supervisors", draft.Supervisors ?? [], errors);
        ThrowIfAny(errors);
        return (team, supervisors);
    }

    /// <summary>The checked team and supervisors of a change (null where it leaves them); throws naming every wrong field.</summary>
    public static (List<string>? Team, List<string>? Supervisors) Check(CasePatch patch, GraphSchema schema)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(patch.Reason))
        {
            errors.Add(new FieldError("input.reason", "say why the case is changed."));
        }
        if (patch.CrimeType is not null)
        {
            CheckCrimeType(patch.CrimeType, schema, errors);
        }
        TextHygiene.Check("input.reason", patch.Reason, TextKind.FreeText, TextLimits.Reason, errors);
        TextHygiene.Check("input.title", patch.Title, TextKind.Line, TextLimits.CaseTitle, errors);
        var team = patch.Team is null ? null : Members("input.team", patch.Team, errors);
        var supervisors = patch.Supervisors is null ? null : Members("input.supervisors", patch.Supervisors, errors);
        ThrowIfAny(errors);
        return (team, supervisors);
    }

    /// <summary>The role a subject has in a case, and the reason one is removed.</summary>
    public static void CheckSubject(string role, string? reason)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("role", role, TextKind.Line, TextLimits.Role, errors);
        TextHygiene.Check("reason", reason, TextKind.FreeText, TextLimits.Reason, errors);
        ThrowIfAny(errors);
    }

    /// <summary>
    /// A member list read once: a blank name is an error on the list's field, every other name is checked as
    /// a user name and kept trimmed, in order, each once.
    /// </summary>
    private static List<string> Members(string field, IReadOnlyList<string> names, List<FieldError> errors)
    {
        var kept = new List<string>(names.Count);
        var blank = false;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                blank = true;
                continue;
            }
            TextHygiene.Check($"{field}[{i}]", names[i], TextKind.Identifier, TextLimits.Username, errors);
            var name = names[i].Trim();
            if (!kept.Contains(name, StringComparer.Ordinal))
            {
                kept.Add(name);
            }
        }
        if (blank)
        {
            errors.Add(new FieldError(field, "a user name is blank; give the user names of the people on the case."));
        }
        return kept;
    }

    private static void CheckCrimeType(string code, GraphSchema schema, List<FieldError> errors)
    {
        var list = schema.CodeLists["crime-type"];
        if (!list.Contains(code))
        {
            errors.Add(new FieldError("input.crimeType", $"'{code}' is not a crime type; use one of {string.Join(", ", list.Codes)}."));
        }
    }

    private static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }
}
