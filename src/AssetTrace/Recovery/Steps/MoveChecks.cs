using AssetTrace.Common;
using AssetTrace.Graph.Model;

namespace AssetTrace.Recovery.Steps;

/// <summary>
/// Every check of what a user types into a move, made before anything is read: the date, the value
/// and its currency, the justifications and the texts. All problems are reported together, each
/// naming its field.
/// </summary>
public static class MoveChecks
{
    /// <summary>More references than a move plausibly rests on is a paste gone wrong, not a record.</summary>
    public const int MaxJustifications = 20;

    /// <summary>The kinds of node that are assets (graph-schema/nodes): only they move through the steps.</summary>
    public static readonly NodeKind[] AssetKinds =
        [NodeKind.RealEstate, NodeKind.BankAccount, NodeKind.Vehicle, NodeKind.Vessel, NodeKind.Aircraft, NodeKind.Securities, NodeKind.CryptoWallet];

    public static void Check(MoveInput input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.OnDate > today)
        {
            errors.Add(new FieldError("input.onDate", $"{input.OnDate:yyyy-MM-dd} is in the future; record a move on the day it happened."));
        }
        if ((input.Value is null) != (input.Currency is null))
        {
            errors.Add(new FieldError(input.Value is null ? "input.value" : "input.currency", "give the value and its currency together, or neither when the value is not known."));
        }
        if (input.Value is < 0)
        {
            errors.Add(new FieldError("input.value", "a value cannot be negative."));
        }
        if (input.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(new FieldError("input.currency", $"'{Shown(currency)}' is not an ISO 4217 code such as EUR."));
        }
        if (input.Justifications.Count == 0)
        {
            errors.Add(new FieldError("input.justifications", "give at least one document, request, court decision or roster act the move rests on."));
        }
        if (input.Justifications.Count > MaxJustifications)
        {
            errors.Add(new FieldError("input.justifications", $"at most {MaxJustifications} references per move, got {input.Justifications.Count}."));
        }
        for (var i = 0; i < Math.Min(input.Justifications.Count, MaxJustifications); i++)
        {
            var reference = input.Justifications[i].Reference;
            if (string.IsNullOrWhiteSpace(reference))
            {
                errors.Add(new FieldError($"input.justifications[{i}].reference", "give the reference (document number, request id, decision number, act number)."));
            }
            TextHygiene.Check($"input.justifications[{i}].reference", reference, TextKind.Line, TextLimits.SourceReference, errors);
        }
        if (input.Step == RecoveryStep.Identified && input.Channel is null)
        {
            errors.Add(new FieldError("input.channel", "say how the asset was found: network request, MLA, open source or registry."));
        }
        if (input.UnrestrainedReason is not null && string.IsNullOrWhiteSpace(input.UnrestrainedReason))
        {
            errors.Add(new FieldError("input.unrestrainedReason", "say why the asset is confiscated without a freeze, or leave it out."));
        }
        TextHygiene.Check("input.unrestrainedReason", input.UnrestrainedReason, TextKind.FreeText, TextLimits.Reason, errors);
        TextHygiene.Check("input.note", input.Note, TextKind.FreeText, TextLimits.Note, errors);
        TextHygiene.Check("input.nodeId", input.NodeId, TextKind.Identifier, TextLimits.Id, errors);
        if (errors.Count > 0)
        {
            throw new UserInputException(errors);
        }
    }

    /// <summary>
    /// No confiscation without a freeze or seizure before it, or a court decision cited on the move that
    /// covers it (a confiscation order made without a prior restraint), unless recorded as such with a reason.
    /// </summary>
    public static void CheckConfiscation(AssetRecovery asset, MoveInput input)
    {
        if (input.Step != RecoveryStep.Confiscated)
        {
            return;
        }
        var restrained = asset.Effective.Any(m => m.Step is { } step && StepTransitions.Restraints.Contains(step));
        var covered = input.Justifications.Any(j => j.Kind == JustificationKind.CourtDecision);
        if (!restrained && !covered && input.UnrestrainedReason is null)
        {
            throw new UserInputException("input.step",
                $"'{asset.Name}' was never frozen or seized: cite the court decision that covers the confiscation, or record it as confiscated without a freeze with the reason (unrestrainedReason).");
        }
    }

    private static string Shown(string text) => text.Length > 16 ? text[..16] + "…" : text;
}
