using AssetTrace.Common;

namespace AssetTrace.Cases;

/// <summary>Lengths and characters of a case's texts (#11); see <see cref="TextHygiene"/>.</summary>
public static class CaseTextRules
{
    /// <summary>The fields of a new case whose text may not be stored, each with what is wrong.</summary>
    public static List<FieldError> Problems(CaseDraft draft)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("input.id", draft.Id, TextKind.Identifier, TextLimits.Id, errors);
        TextHygiene.Check("input.number", draft.Number, TextKind.Identifier, TextLimits.CaseNumber, errors);
        TextHygiene.Check("input.title", draft.Title, TextKind.Line, TextLimits.CaseTitle, errors);
        CheckMembers("input.team", draft.Team, errors);
        CheckMembers("input.supervisors", draft.Supervisors, errors);
        return errors;
    }

    /// <summary>Throws naming every field of the change whose text may not be stored.</summary>
    public static void Check(CasePatch patch)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("input.reason", patch.Reason, TextKind.FreeText, TextLimits.Reason, errors);
        TextHygiene.Check("input.title", patch.Title, TextKind.Line, TextLimits.CaseTitle, errors);
        CheckMembers("input.team", patch.Team, errors);
        CheckMembers("input.supervisors", patch.Supervisors, errors);
        ThrowIfAny(errors);
    }

    /// <summary>The role a subject has in a case, and the reason one is removed.</summary>
    public static void CheckSubject(string role, string? reason)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("role", role, TextKind.Line, TextLimits.Role, errors);
        TextHygiene.Check("reason", reason, TextKind.FreeText, TextLimits.Reason, errors);
        ThrowIfAny(errors);
    }

    private static void CheckMembers(string field, IReadOnlyList<string>? names, List<FieldError> errors)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            TextHygiene.Check($"{field}[{i}]", names![i], TextKind.Identifier, TextLimits.Username, errors);
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
