namespace AssetTrace.Recovery.Steps;

/// <summary>
/// Which moves are allowed, as one table of data (docs/ARCHITECTURE.md prints the same table).
/// A new asset enters at <see cref="RecoveryStep.Identified"/>; <see cref="RecoveryStep.Returned"/>
/// and <see cref="RecoveryStep.Released"/> end its road. Going back is not a move: a mistaken
/// move is reversed by a correction (<see cref="RecoveryLedger.CorrectAsync"/>).
/// </summary>
public static class StepTransitions
{
    /// <summary>From each step (null: not yet on the case's road), the steps it may move to.</summary>
    public static readonly IReadOnlyDictionary<RecoveryStep, RecoveryStep[]> Allowed = new Dictionary<RecoveryStep, RecoveryStep[]>
    {
        [RecoveryStep.Identified] = [RecoveryStep.Traced, RecoveryStep.Released],
        [RecoveryStep.Traced] = [RecoveryStep.LinkEstablished, RecoveryStep.Released],
        // Confiscation straight after the link needs a decision that covers it, or a reason recorded (ConfiscationRule).
        [RecoveryStep.LinkEstablished] = [RecoveryStep.Frozen, RecoveryStep.Seized, RecoveryStep.Confiscated, RecoveryStep.Released],
        [RecoveryStep.Frozen] = [RecoveryStep.Seized, RecoveryStep.Confiscated, RecoveryStep.Released],
        [RecoveryStep.Seized] = [RecoveryStep.Confiscated, RecoveryStep.Released],
        [RecoveryStep.Confiscated] = [RecoveryStep.Returned],
        [RecoveryStep.Returned] = [],
        [RecoveryStep.Released] = [],
    };

    /// <summary>The steps an asset may enter the case's road at.</summary>
    public static readonly RecoveryStep[] Entry = [RecoveryStep.Identified];

    /// <summary>The steps that restrain an asset: one of them, or a covering decision, must come before confiscation.</summary>
    public static readonly RecoveryStep[] Restraints = [RecoveryStep.Frozen, RecoveryStep.Seized];

    public static bool IsAllowed(RecoveryStep? from, RecoveryStep to) =>
        from is { } step ? Allowed[step].Contains(to) : Entry.Contains(to);

    public static IReadOnlyList<RecoveryStep> Next(RecoveryStep? from) => from is { } step ? Allowed[step] : Entry;
}
