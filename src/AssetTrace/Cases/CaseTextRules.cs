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
        CheckTeam(draft.Team, errors);
        return errors;
    }

    /// <summary>Throws naming every field of the change whose text may not be stored.</summary>
    public static void Check(CasePatch patch)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("input.reason", patch.Reason, TextKind.FreeText, TextLimits.Reason, errors);
        TextHygiene.Check("input.title", patch.Title, TextKind.Line, TextLimits.CaseTitle, errors);
        CheckTeam(patch.Team, errors);
        ThrowIfAny(errors);
    }

    private static void CheckTeam(IReadOnlyList<string>? team, List<FieldError> errors)
    {
        for (var i = 0; i < (team?.Count ?? 0); i++)
        {
            TextHygiene.Check($"input.team[{i}]", team![i], TextKind.Identifier, TextLimits.Username, errors);
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
