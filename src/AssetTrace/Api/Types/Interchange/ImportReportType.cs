using AssetTrace.Api.Scalars;
using AssetTrace.Interchange.Import;
using GraphQL.Types;

namespace AssetTrace.Api.Types.Interchange;

public sealed class ImportReportType : ObjectGraphType<ImportReport>
{
    public ImportReportType()
    {
        Name = "ImportReport";
        Description = "What an import run did. Not committed means nothing was written (strict mode stopped, or the file could not be read).";
        Field<NonNullGraphType<IdGraphType>>("runId").Resolve(c => c.Source.RunId);
        Field<NonNullGraphType<StringGraphType>>("format").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<BooleanGraphType>>("committed").Resolve(c => c.Source.Committed);
        Field<StringGraphType>("failureReason").Resolve(c => c.Source.FailureReason);
        Field<NonNullGraphType<StringGraphType>>("sha256").Description("SHA-256 of the uploaded file.").Resolve(c => c.Source.Files.FirstOrDefault()?.Sha256 ?? "");
        Field<NonNullGraphType<JsonGraphType>>("counts").Description("itemsRead, nodesCreated, nodesUpdated, … — they add up to itemsRead.")
            .Resolve(c => System.Text.Json.JsonSerializer.SerializeToElement(c.Source.Counts()));
        Field<NonNullGraphType<IntGraphType>>("problemCount").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.ProblemCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemType>>>>("problems").Description("The first problems, with file, line and record.")
            .Resolve(c => c.Source.Problems);
    }
}

public sealed class ImportProblemType : ObjectGraphType<ImportProblem>
{
    public ImportProblemType()
    {
        Name = "ImportProblem";
        Field<NonNullGraphType<StringGraphType>>("file").Resolve(c => c.Source.Location.File);
        Field<IntGraphType>("line").Description("Null when the format has no lines (JSON arrays).").Resolve(c => c.Source.Location.Line > 0 ? (int?)c.Source.Location.Line : null);
        Field<StringGraphType>("record").Resolve(c => c.Source.Location.RecordId);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}
