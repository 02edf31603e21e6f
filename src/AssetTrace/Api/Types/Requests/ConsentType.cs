using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class ConsentType : ObjectGraphType<AssetTrace.Requests.Consent.Consent>
{
    public ConsentType()
    {
        Name = "Consent";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("provider").Resolve(c => c.Source.Provider);
        Field<NonNullGraphType<StringGraphType>>("scope").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<StringGraphType>>("reference").Resolve(c => c.Source.Reference);
        Field<NonNullGraphType<DateOnlyGraphType>>("grantedOn").Resolve(c => c.Source.GrantedOn);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Resolve(c => c.Source.RecordedBy);
    }
}
