using AssetTrace.Api.Enums;
using AssetTrace.Mail;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class OutboxEntryType : ObjectGraphType<OutboxEntry>
{
    public OutboxEntryType()
    {
        Name = "OutgoingMail";
        Field<NonNullGraphType<StringGraphType>>("messageId").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("recipients").Resolve(c => c.Source.Recipients);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<OutboxStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<DateTimeOffsetGraphType>("sentAt").Resolve(c => c.Source.SentAt);
    }
}
