namespace AssetTrace.Graph.Model;

/// <summary>The kinds of node in the ownership graph; each has a file in graph-schema/nodes.</summary>
public enum NodeKind
{
    Person,
    Company,
    Address,
    RealEstate,
    BankAccount,
    Vehicle,
    Vessel,
    Aircraft,
    Securities,
    CryptoWallet,
}
