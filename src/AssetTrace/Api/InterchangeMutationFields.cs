using System.Text;
using AssetTrace.Accounts;
using AssetTrace.Api.Enums;
using AssetTrace.Api.Types.Interchange;
using AssetTrace.Common;
using AssetTrace.Graph.Model;
using AssetTrace.Interchange.Import;
using AssetTrace.Interchange.Merges;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// Interchange mutations (issue #4): upload a file of modest size to import it, and decide on the
/// merges imports suggest. Large files go through the command line (<c>assettrace import</c>).
/// </summary>
public static class InterchangeMutationFields
{
    /// <summary>Uploads are text in the request body, so they are bounded by Api:MaxRequestBytes as well.</summary>
    public const int MaxUploadChars = 8 * 1024 * 1024;

    public static void Add(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ImportReportType>>("importFile")
            .Description("Import a BODS, FtM, ICIJ CSV or UN list file sent as text: all of it in one transaction, or (strict mode, unreadable file) nothing. Analysts and admins.")
            .Argument<NonNullGraphType<StringGraphType>>("format", "bods, ftm, icij or un-sanctions.")
            .Argument<NonNullGraphType<StringGraphType>>("fileName", "The file's name, kept in provenance (for ICIJ it also says which file: nodes-entities.csv, relationships.csv, …).")
            .Argument<NonNullGraphType<StringGraphType>>("content", "The file's text (UTF-8).")
            .Argument<BooleanGraphType>("strict", "Stop at the first bad record and write nothing; default false: skip, report and go on.")
            .Argument<UsageRestrictionEnum>("restriction", "Usage restriction of every imported fact; default EVIDENCE.")
            .ResolveAsync(async c =>
            {
                var actor = RoleCheck.Require(c.User, "Importing a file", Role.Analyst);
                var content = c.GetArgument<string>("content");
                if (content.Length > MaxUploadChars)
                {
                    throw new UserInputException("content", $"the file is over {MaxUploadChars / 1048576} MiB; import it with the command line: assettrace import <format> <file>.");
                }
                var fileName = Path.GetFileName(c.GetArgument<string>("fileName"));
                var options = new ImportOptions(actor, c.GetArgument("strict", false), c.GetArgument("restriction", UsageRestriction.Evidence));
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                return await c.Service<InterchangeImporter>().ImportStreamAsync(c.GetArgument<string>("format"), fileName, stream, options, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MergeSuggestionType>>("decideMergeSuggestion")
            .Description("Accept (merge the node into the candidate) or reject a suggested merge; audited. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BooleanGraphType>>("accept")
            .Argument<NonNullGraphType<StringGraphType>>("note", "Why they are, or are not, the same.")
            .ResolveAsync(async c =>
            {
                var actor = await c.ViewerWithRoleAsync("Deciding a merge", Role.Analyst);
                return await c.Service<MergeSuggestions>().DecideAsync(c.GetArgument<string>("id"), c.GetArgument<bool>("accept"), c.GetArgument<string>("note"), actor, c.CancellationToken);
            });
    }
}
