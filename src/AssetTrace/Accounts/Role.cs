namespace AssetTrace.Accounts;

/// <summary>Codes in graph-schema/codelists/role.csv. Admin may do what every other role may.</summary>
public enum Role
{
    Analyst,
    Officer,
    Commission,
    Supervisor,
    Admin,
}
