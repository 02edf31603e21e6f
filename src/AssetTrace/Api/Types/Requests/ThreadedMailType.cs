using AssetTrace.Requests;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class ThreadedMailType : ObjectGraphType<ThreadedMail>
{
    public ThreadedMailType()
    {
        Name = "InboundMail";
        Description = "A message the desk received, the request it was threaded onto (or why none), and its attachments.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The inbound mail's number, as text.").Resolve(c => c.Source.Mail.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("messageId").Resolve(c => c.Source.Mail.MessageId);
        Field<NonNullGraphType<StringGraphType>>("from").Resolve(c => c.Source.Mail.From);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Mail.Subject);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("date").Resolve(c => c.Source.Mail.Date);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Mail.TextBody);
        Field<IdGraphType>("requestId").Resolve(c => c.Source.RequestId);
        Field<NonNullGraphType<StringGraphType>>("matchedBy").Description("In-Reply-To, References, ReplyToken, Bounce, 'assigned by …', or the reason it is held.").Resolve(c => c.Source.MatchedBy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttachmentType>>>>("attachments").Resolve(c => c.Source.Mail.Attachments);
    }
}
