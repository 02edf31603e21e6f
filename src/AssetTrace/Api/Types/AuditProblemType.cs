using AssetTrace.Api.Enums;
using AssetTrace.Audit;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class AuditProblemType : ObjectGraphType<AuditProblem>
{
    public AuditProblemType()
    {
        Name = "AuditProblem";
        Field<NonNullGraphType<AuditProblemKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("seq").Description("The entry where it shows (a 64-bit number, as text).")
            .Resolve(c => c.Source.Seq?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
    }
}
