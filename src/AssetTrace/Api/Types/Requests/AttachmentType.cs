using AssetTrace.Mail;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class AttachmentType : ObjectGraphType<StoredAttachment>
{
    public AttachmentType()
    {
        Name = "Attachment";
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.ContentType);
        Field<NonNullGraphType<FloatGraphType>>("size").Resolve(c => (double)c.Source.Size);
        Field<NonNullGraphType<StringGraphType>>("sha256").Resolve(c => c.Source.Sha256);
    }
}
