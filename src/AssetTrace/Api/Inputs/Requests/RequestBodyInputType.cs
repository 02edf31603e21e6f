using AssetTrace.Api.Scalars;
using GraphQL.Types;

namespace AssetTrace.Api.Inputs.Requests;

public sealed class RequestBodyInputType : InputObjectGraphType
{
    public RequestBodyInputType()
    {
        Name = "RequestBodyInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("subjectIds");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("questions").Description("Codes from reference-data/request-questions.csv.");
        Field<StringGraphType>("freeText");
        Field<NonNullGraphType<StringGraphType>>("legalBasis");
        Field<StringGraphType>("offenceDescription");
        Field<StringGraphType>("assetLink");
        Field<StringGraphType>("confidentiality").Description("Confidential unless said otherwise.");
        Field<StringGraphType>("restrictions");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("languages").Description("en, ru, fr, es, ar, zh; the first is the main one.");
        Field<JsonGraphType>("statements").Description("Checklist statements by item code, e.g. {\"dual_criminality\": \"…\"}.");
    }
}
