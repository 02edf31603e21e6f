using AssetTrace.Audit.Checkpoints;
using GraphQL.Types;

namespace AssetTrace.Api.Types;

public sealed class AuditCheckpointType : ObjectGraphType<AuditCheckpoint>
{
    public AuditCheckpointType()
    {
        Name = "AuditCheckpoint";
        Description = "A signed statement of where the audit log ended and the hash it had there, signed with the server's key kept outside the database.";
        Field<NonNullGraphType<StringGraphType>>("seq").Description("The last entry it covers (a 64-bit number, as text).")
            .Resolve(c => c.Source.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("hash").Resolve(c => c.Source.Hash);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("signedAt").Resolve(c => c.Source.SignedAt);
        Field<NonNullGraphType<StringGraphType>>("keyFingerprint").Description("SHA-256 (hex) of the public key that signed it.").Resolve(c => c.Source.KeyFingerprint);
        Field<NonNullGraphType<StringGraphType>>("signature").Description("ECDSA P-256 with SHA-256, base64.").Resolve(c => c.Source.Signature);
        Field<NonNullGraphType<StringGraphType>>("exported")
            .Description("The checkpoint as the file 'audit checkpoint export' writes: keep it elsewhere and pass it to auditVerification(checkpoint:) later.")
            .Resolve(c => AuditCheckpointFile.Write(c.Source));
    }
}
