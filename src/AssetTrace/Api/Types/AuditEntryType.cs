using AssetTrace.Audit;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Field<NonNullGraphType<StringGraphType>>("seq").Description("Position in the log (a 64-bit number, as text).").Resolve(c => c.Source.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("actor").Resolve(c => c.Source.Actor);
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("entity").Resolve(c => c.Source.Entity);
        Field<StringGraphType>("before").Description("JSON of the state before the change.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("JSON of the state after the change.").Resolve(c => c.Source.After);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("hash").Resolve(c => c.Source.Hash);
        Field<NonNullGraphType<StringGraphType>>("previousHash").Resolve(c => c.Source.PreviousHash);
    }
}
