using AssetTrace.Api.Enums;
using AssetTrace.Cases;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class CaseType : ObjectGraphType<Case>
{
    public CaseType()
    {
        Name = "Case";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("crimeType").Description("Code from graph-schema/codelists/crime-type.csv.").Resolve(c => c.Source.CrimeType);
        Field<NonNullGraphType<CaseStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("team").Resolve(c => c.Source.Team);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("supervisors").Description("Named supervisors: they see the case's restricted facts.")
            .Resolve(c => c.Source.Supervisors);
        Field<NonNullGraphType<DateOnlyGraphType>>("openedOn").Resolve(c => c.Source.OpenedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseSubjectType>>>>("subjects").Resolve(c => c.Source.Subjects);
        Field<NonNullGraphType<StampType>>("stamp").Resolve(c => c.Source.Stamp);
    }
}
