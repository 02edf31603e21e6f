using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>The Query type: each feature adds its own fields (…Fields.cs beside this file).</summary>
public sealed class AssetTraceQuery : ObjectGraphType
{
    public AssetTraceQuery()
    {
        Name = "Query";
        GraphFields.AddQueries(this);
        CaseFields.AddQueries(this);
        AnalyticsQueryFields.Add(this);
        RequestFields.AddQueries(this);
        RosterFields.AddQueries(this);
        InterchangeQueryFields.Add(this);
        AccountFields.AddQueries(this);
        AuditFields.AddQueries(this);
        RecoveryFields.AddQueries(this);
        ScreeningFields.AddQueries(this);
        WatchFields.AddQueries(this);
    }
}
