using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The Mutation type: each feature adds its own fields (…Fields.cs beside this file).</summary>
public sealed class AssetTraceMutation : ObjectGraphType
{
    public AssetTraceMutation()
    {
        Name = "Mutation";
        GraphFields.AddMutations(this);
        CaseFields.AddMutations(this);
        RequestFields.AddMutations(this);
        RosterFields.AddMutations(this);
        InterchangeMutationFields.Add(this);
        AccountFields.AddMutations(this);
        RecoveryFields.AddMutations(this);
        WatchFields.AddMutations(this);
    }
}
