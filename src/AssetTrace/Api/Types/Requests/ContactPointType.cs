using AssetTrace.Requests.Directory;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class ContactPointType : ObjectGraphType<ContactPoint>
{
    public ContactPointType()
    {
        Name = "ContactPoint";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("network").Resolve(c => c.Source.Network);
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Resolve(c => c.Source.Jurisdiction);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(c => c.Source.TimeZone);
        Field<NonNullGraphType<IntGraphType>>("usualResponseDays").Resolve(c => c.Source.UsualResponseDays);
    }
}
