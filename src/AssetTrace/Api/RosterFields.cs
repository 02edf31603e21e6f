using AssetTrace.Api.Types.Roster;
using AssetTrace.Roster;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Deadlines;
using AssetTrace.Roster.Downloads;
using AssetTrace.Roster.Entries;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Fund;
using AssetTrace.Roster.Notice;
using GraphQL;
using GraphQL.Types;

namespace AssetTrace.Api;

/// <summary>
/// The Commission's roster (#16). Who may do what is decided by the roster's services
/// (<see cref="RosterRoles"/>: supervisors are the authorised body, Commission members decide,
/// analysts read), so the API and the console cannot differ; each entry exists only for those who
/// see its case.
/// </summary>
public static class RosterFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterEntryType>>>>("rosterEntries")
            .Argument<IdGraphType>("caseId").Argument<RosterStageEnum>("stage")
            .ResolveAsync(async c => await c.Service<RosterDesk>().ListAsync(await c.ViewerAsync(), c.GetArgument<string?>("caseId"),
                c.GetArgument<RosterStage?>("stage"), c.CancellationToken));
        query.Field<RosterEntryType>("rosterEntry").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<RosterDesk>().GetAsync(c.GetArgument<string>("id"), await c.ViewerAsync(), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RosterCandidateType>>>>("rosterCandidates")
            .Description("Persons whose assets with connected persons reach the roster threshold, over the facts you may see.")
            .Argument<DateOnlyGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var viewer = await c.ViewerAsync();
                RosterRoles.Require(viewer, "Reading the roster", RosterRoles.Read);
                return await c.Service<RosterCandidates>().ListAsync(viewer, c.GetArgument<DateOnly?>("asOf") ?? LegalCalendar.Today(c.Service<TimeProvider>()), c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DoubtCriterionType>>>>("rosterCriteria")
            .Description("The reasonable-doubt criteria a proposal's grounds are ticked from.")
            .Resolve(c => c.Service<RosterReferenceData>().Criteria);
        query.Field<NonNullGraphType<CourtApplicationType>>("rosterCourtApplication")
            .Description("The court application as it stands: the unexplained assets, their ownership paths and sources; intelligence without consent left out. Audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<RosterDownloads>().CourtApplicationDataAsync(c.GetArgument<string>("id"), await c.ViewerAsync(),
                RosterDownloads.ViaApi, c.CancellationToken));
        // Each document handed out here is audited as a console download is (RosterDownloads, #16).
        query.Field<NonNullGraphType<StringGraphType>>("rosterNoticePdf").Description("The notice to the person, as PDF (base64), in kk, ru or en. Audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("language")
            .ResolveAsync(async c => Convert.ToBase64String((await c.Service<RosterDownloads>().NoticeAsync(c.GetArgument<string>("id"), c.GetArgument<string>("language"),
                await c.ViewerAsync(), RosterDownloads.ViaApi, c.CancellationToken)).Content));
        query.Field<NonNullGraphType<StringGraphType>>("rosterCourtApplicationPdf").Description("The court application as it stands, as PDF (base64), in kk, ru or en. Audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("language")
            .ResolveAsync(async c => Convert.ToBase64String((await c.Service<RosterDownloads>().CourtApplicationAsync(c.GetArgument<string>("id"), c.GetArgument<string>("language"),
                await c.ViewerAsync(), RosterDownloads.ViaApi, c.CancellationToken)).Content));
        query.Field<NonNullGraphType<StringGraphType>>("rosterDocumentContent").Description("A roster document's bytes (base64). Audited.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => Convert.ToBase64String((await c.Service<RosterDownloads>().DocumentAsync(c.GetArgument<string>("id"), await c.ViewerAsync(),
                RosterDownloads.ViaApi, c.CancellationToken)).Content));
        query.Field<NonNullGraphType<FundTotalsType>>("specialFund").Description("What was returned to the Special Fund, totalled.")
            .ResolveAsync(async c => await c.Service<SpecialFund>().TotalsAsync(await c.ViewerAsync(), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundReturnType>>>>("specialFundReturns").Argument<IdGraphType>("entryId")
            .ResolveAsync(async c => await c.Service<SpecialFund>().ReturnsAsync(await c.ViewerAsync(), c.GetArgument<string?>("entryId"), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RosterEntryType>>("proposeRosterEntry").Description("The authorised body (supervisor) proposes a person, with grounds.")
            .Argument<NonNullGraphType<IdGraphType>>("caseId").Argument<NonNullGraphType<IdGraphType>>("subjectId")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("connectedPersonIds")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("criteria").Argument<NonNullGraphType<StringGraphType>>("statement")
            .ResolveAsync(async c => await c.Service<RosterDesk>().ProposeAsync(new RosterProposal(c.GetArgument<string>("caseId"), c.GetArgument<string>("subjectId"),
                c.GetArgument<List<string>?>("connectedPersonIds"), c.GetArgument<List<string>>("criteria"), c.GetArgument<string>("statement")),
                await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("decideRosterEntry").Description("A Commission member who did not propose it records the meeting's vote.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<IntGraphType>("expectedVersion").Argument<NonNullGraphType<DateOnlyGraphType>>("meetingOn")
            .Argument<NonNullGraphType<IntGraphType>>("votesFor").Argument<NonNullGraphType<IntGraphType>>("votesAgainst").Argument<NonNullGraphType<IntGraphType>>("abstained")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("members")
            .ResolveAsync(async c => await c.Service<RosterDesk>().DecideAsync(c.GetArgument<string>("id"),
                new RosterVote(c.GetArgument<DateOnly>("meetingOn"), c.GetArgument<int>("votesFor"), c.GetArgument<int>("votesAgainst"), c.GetArgument<int>("abstained"),
                    c.GetArgument<List<string>>("members")), c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("requestRosterExclusion").Description("The authorised body asks for an exclusion, with a reason.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("reason").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterDesk>().RequestExclusionAsync(c.GetArgument<string>("id"), c.GetArgument<string>("reason"),
                c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("approveRosterExclusion").Description("A Commission member other than the one who asked approves the exclusion.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterDesk>().ApproveExclusionAsync(c.GetArgument<string>("id"), c.GetArgument<int?>("expectedVersion"),
                await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("recordRosterNotice").Description("The notice was delivered: the deadline (one calendar month) starts.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<DateOnlyGraphType>>("deliveredOn").Argument<NonNullGraphType<StringGraphType>>("method")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterNotices>().RecordDeliveryAsync(c.GetArgument<string>("id"), c.GetArgument<DateOnly>("deliveredOn"),
                c.GetArgument<string>("method"), c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("extendRosterDeadline").Description("Extends the deadline to two or three months from delivery, with a reason.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IntGraphType>>("months").Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterNotices>().ExtendAsync(c.GetArgument<string>("id"), c.GetArgument<int>("months"), c.GetArgument<string>("reason"),
                c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterDocumentType>>("addRosterDeclaration").Description("A document of the subject's declaration, stored whole with its SHA-256.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<StringGraphType>>("fileName").Argument<NonNullGraphType<StringGraphType>>("contentType")
            .Argument<NonNullGraphType<StringGraphType>>("contentBase64").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterEvaluations>().AddDeclarationAsync(c.GetArgument<string>("id"), c.GetArgument<string>("fileName"),
                c.GetArgument<string>("contentType"), Base64(c.GetArgument<string>("contentBase64")), c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<AssetEvaluationType>>("evaluateRosterAsset")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<IdGraphType>>("assetId").Argument<NonNullGraphType<AssetVerdictEnum>>("verdict")
            .Argument<NonNullGraphType<StringGraphType>>("reason").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterEvaluations>().EvaluateAsync(c.GetArgument<string>("id"), c.GetArgument<string>("assetId"),
                c.GetArgument<AssetVerdict>("verdict"), c.GetArgument<string>("reason"), c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<RosterEntryType>>("recordRosterCourtStep").Description("FILED, INTERIM_MEASURES, DECIDED, APPEALED, FORFEITED or CLOSED, with a note.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Argument<NonNullGraphType<RosterStageEnum>>("step").Argument<NonNullGraphType<StringGraphType>>("note")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<RosterCourt>().RecordStepAsync(c.GetArgument<string>("id"), c.GetArgument<RosterStage>("step"), c.GetArgument<string>("note"),
                c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
        mutation.Field<NonNullGraphType<FundReturnType>>("recordFundReturn").Description("An amount returned to the Special Fund from a forfeited asset.")
            .Argument<NonNullGraphType<IdGraphType>>("entryId").Argument<NonNullGraphType<IdGraphType>>("assetId").Argument<NonNullGraphType<DecimalGraphType>>("amount")
            .Argument<NonNullGraphType<StringGraphType>>("currency").Argument<NonNullGraphType<DateOnlyGraphType>>("returnedOn")
            .Argument<StringGraphType>("category").Argument<StringGraphType>("sourceCountry").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await c.Service<SpecialFund>().RecordAsync(c.GetArgument<string>("entryId"), c.GetArgument<string>("assetId"), c.GetArgument<decimal>("amount"),
                c.GetArgument<string>("currency"), c.GetArgument<DateOnly>("returnedOn"), c.GetArgument<string?>("category"), c.GetArgument<string?>("sourceCountry"),
                c.GetArgument<int?>("expectedVersion"), await c.ViewerAsync(), c.CancellationToken));
    }

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new Common.UserInputException("contentBase64", "is not base64: send the file's bytes base64-encoded.");
        }
    }
}
