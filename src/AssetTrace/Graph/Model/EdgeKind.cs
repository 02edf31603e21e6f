namespace AssetTrace.Graph.Model;

/// <summary>The kinds of edge; each has a file in graph-schema/edges named after its code (OWNS → owns.json).</summary>
public enum EdgeKind
{
    Owns,
    Controls,
    DirectorOf,
    BeneficialOwnerOf,
    NomineeFor,
    FamilyOf,
    AssociateOf,
    RegisteredAt,
    HoldsAccount,
    IntermediaryOf,
    TransferredTo,
}
