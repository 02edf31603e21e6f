using AssetTrace.Common;
using AssetTrace.Recovery.Steps;
using static AssetTrace.Recovery.Steps.RecoveryStep;

namespace AssetTrace.UnitTests.Recovery;

/// <summary>The table of allowed moves and the checks of a move's input, without a store.</summary>
public sealed class StepTransitionTests
{
    [Fact]
    public void The_table_leads_from_identified_to_returned_or_released_and_never_back()
    {
        Assert.True(StepTransitions.IsAllowed(null, Identified));
        Assert.False(StepTransitions.IsAllowed(null, Traced));
        Assert.True(StepTransitions.IsAllowed(LinkEstablished, Confiscated));
        Assert.False(StepTransitions.IsAllowed(Identified, Confiscated));
        Assert.False(StepTransitions.IsAllowed(Frozen, Traced));
        Assert.Empty(StepTransitions.Next(Returned));
        Assert.Empty(StepTransitions.Next(Released));
        Assert.Equal(Enum.GetValues<RecoveryStep>().Order(), StepTransitions.Allowed.Keys.Order());
        // Every step can be reached from the entry.
        var reached = new HashSet<RecoveryStep>(StepTransitions.Entry);
        while (reached.SelectMany(s => StepTransitions.Next(s)).Except(reached).ToList() is { Count: > 0 } more)
        {
            reached.UnionWith(more);
        }
        Assert.Equal(Enum.GetValues<RecoveryStep>().Length, reached.Count);
    }

    [Fact]
    public void A_move_names_every_wrong_field_at_once()
    {
        var input = new MoveInput("case", "node", Identified, new DateOnly(2027, 1, 1), 10, null,
            [new Justification(JustificationKind.Document, " "), new Justification(JustificationKind.Document, "ok\u202Eevil")], null);

        var error = Assert.Throws<UserInputException>(() => MoveChecks.Check(input, new DateOnly(2026, 11, 28)));

        Assert.Equal(["input.onDate", "input.currency", "input.justifications[0].reference", "input.justifications[1].reference", "input.channel"],
            error.Errors.Select(e => e.Field));
    }
}
