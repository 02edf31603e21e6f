using AssetTrace.Requests.Documents;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Requests;

public sealed class LetterType : ObjectGraphType<RenderedLetter>
{
    public LetterType()
    {
        Name = "Letter";
        Description = "The letter in one language, as the e-mail text and as a PDF (base64).";
        Field<NonNullGraphType<StringGraphType>>("language").Resolve(c => c.Source.Language);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("pdfBase64").Resolve(c => Convert.ToBase64String(c.Source.Pdf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WithheldFactType>>>>("withheld").Description("Facts left out of a formal request for want of the provider's consent.")
            .Resolve(c => c.Source.Withheld);
    }
}
