using AssetTrace.Api.Enums;
using AssetTrace.Roster;
using AssetTrace.Roster.Candidates;
using AssetTrace.Roster.Court;
using AssetTrace.Roster.Evaluation;
using AssetTrace.Roster.Fund;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Roster;

public sealed class AssetEvaluationType : ObjectGraphType<AssetEvaluation>
{
    public AssetEvaluationType()
    {
        Name = "AssetEvaluation";
        Field<NonNullGraphType<IntGraphType>>("seq").Resolve(c => c.Source.Seq);
        Field<NonNullGraphType<IdGraphType>>("assetId").Resolve(c => c.Source.AssetId);
        Field<NonNullGraphType<AssetVerdictEnum>>("verdict").Resolve(c => c.Source.Verdict);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("evaluator").Resolve(c => c.Source.Evaluator);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
    }
}

public sealed class RosterDocumentType : ObjectGraphType<RosterDocument>
{
    public RosterDocumentType()
    {
        Name = "RosterDocument";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("declaration or court_application").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.ContentType);
        Field<NonNullGraphType<LongGraphType>>("size").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<StringGraphType>>("sha256").Resolve(c => c.Source.Sha256);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("addedAt").Resolve(c => c.Source.AddedAt);
        Field<NonNullGraphType<StringGraphType>>("addedBy").Resolve(c => c.Source.AddedBy);
    }
}

public sealed class RosterCandidateType : ObjectGraphType<RosterCandidate>
{
    public RosterCandidateType()
    {
        Name = "RosterCandidate";
        Description = "A person whose assets with connected persons reach the roster threshold.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DecimalGraphType>>("lowUsd").Resolve(c => c.Source.LowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("highUsd").Resolve(c => c.Source.HighUsd);
        Field<NonNullGraphType<DecimalGraphType>>("ownLowUsd").Resolve(c => c.Source.OwnLowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("ownHighUsd").Resolve(c => c.Source.OwnHighUsd);
        Field<NonNullGraphType<DecimalGraphType>>("thresholdUsd").Resolve(c => c.Source.ThresholdUsd);
        Field<NonNullGraphType<BooleanGraphType>>("certain").Description("Even the low end reaches the threshold.").Resolve(c => c.Source.Certain);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("connectedPersonIds").Resolve(c => c.Source.ConnectedPersonIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateAssetType>>>>("assets").Resolve(c => c.Source.Assets);
        Field<IdGraphType>("entryId").Description("The person's open roster entry, if any.").Resolve(c => c.Source.EntryId);
    }
}

public sealed class CandidateAssetType : ObjectGraphType<CandidateAsset>
{
    public CandidateAssetType()
    {
        Name = "CandidateAsset";
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<NodeKindEnum>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<DecimalGraphType>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<FloatGraphType>>("lowPercent").Resolve(c => c.Source.LowPercent);
        Field<NonNullGraphType<FloatGraphType>>("highPercent").Resolve(c => c.Source.HighPercent);
        Field<NonNullGraphType<DecimalGraphType>>("lowUsd").Resolve(c => c.Source.LowUsd);
        Field<NonNullGraphType<DecimalGraphType>>("highUsd").Resolve(c => c.Source.HighUsd);
        Field<SourceKindEnum>("source").Resolve(c => c.Source.Source);
        Field<StringGraphType>("sourceReference").Resolve(c => c.Source.SourceReference);
        Field<StringGraphType>("problem").Resolve(c => c.Source.Problem);
    }
}

public sealed class DoubtCriterionType : ObjectGraphType<DoubtCriterion>
{
    public DoubtCriterionType()
    {
        Name = "DoubtCriterion";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
    }
}

public sealed class CourtApplicationType : ObjectGraphType<CourtApplication>
{
    public CourtApplicationType()
    {
        Name = "CourtApplication";
        Field<NonNullGraphType<IdGraphType>>("entryId").Resolve(c => c.Source.EntryId);
        Field<StringGraphType>("number").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("subjectName").Resolve(c => c.Source.SubjectName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CourtAssetType>>>>("assets").Resolve(c => c.Source.Assets);
    }
}

public sealed class CourtAssetType : ObjectGraphType<CourtAsset>
{
    public CourtAssetType()
    {
        Name = "CourtAsset";
        Field<NonNullGraphType<IdGraphType>>("nodeId").Resolve(c => c.Source.NodeId);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("source").Description("Null when the asset's record is intelligence without consent.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidencePathType>>>>("paths").Resolve(c => c.Source.Paths);
        Field<NonNullGraphType<IntGraphType>>("withheldPaths").Resolve(c => c.Source.WithheldPaths);
    }
}

public sealed class EvidencePathType : ObjectGraphType<EvidencePath>
{
    public EvidencePathType()
    {
        Name = "EvidencePath";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("nodeNames").Resolve(c => c.Source.NodeNames);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sources").Resolve(c => c.Source.Sources);
    }
}

public sealed class FundTotalsType : ObjectGraphType<FundTotals>
{
    public FundTotalsType()
    {
        Name = "FundTotals";
        Description = "The Special Fund's returns in USD (at each return's date), by category, year and source country.";
        Field<NonNullGraphType<DecimalGraphType>>("usd").Resolve(c => c.Source.Usd);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundTotalType>>>>("byCategory").Resolve(c => c.Source.ByCategory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundTotalType>>>>("byYear").Resolve(c => c.Source.ByYear);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundTotalType>>>>("byCountry").Resolve(c => c.Source.ByCountry);
        Field<NonNullGraphType<IntGraphType>>("unconverted").Description("Returns without an exchange rate, left out of the USD figures.").Resolve(c => c.Source.Unconverted);
    }
}

public sealed class FundTotalType : ObjectGraphType<FundTotal>
{
    public FundTotalType()
    {
        Name = "FundTotal";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<DecimalGraphType>>("usd").Resolve(c => c.Source.Usd);
        Field<NonNullGraphType<IntGraphType>>("returns").Resolve(c => c.Source.Returns);
    }
}

public sealed class FundReturnType : ObjectGraphType<FundReturn>
{
    public FundReturnType()
    {
        Name = "FundReturn";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("entryId").Resolve(c => c.Source.EntryId);
        Field<NonNullGraphType<IdGraphType>>("assetId").Resolve(c => c.Source.AssetId);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("sourceCountry").Resolve(c => c.Source.SourceCountry);
        Field<NonNullGraphType<DecimalGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<DateOnlyGraphType>>("returnedOn").Resolve(c => c.Source.ReturnedOn);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Resolve(c => c.Source.RecordedBy);
    }
}
