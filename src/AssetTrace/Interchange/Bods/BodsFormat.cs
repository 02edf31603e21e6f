using System.Runtime.CompilerServices;
using System.Text.Json;
using AssetTrace.Interchange.Export;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Interchange.Bods;

/// <summary>
/// Beneficial Ownership Data Standard 0.4 (recordId, recordType, recordDetails) and 0.2/0.3
/// (statementID, statementType), as a JSON array or JSON lines; each statement is read on its own.
/// </summary>
public sealed class BodsFormat : IImportFormat
{
    public const string FormatName = "bods";

    public string Name => FormatName;

    public string Description => "Beneficial Ownership Data Standard 0.4 or 0.2/0.3 statements (JSON array or JSON lines).";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string fileName, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in JsonRecordReader.ReadAsync(fileName, stream, ct))
        {
            if (record.Error is not null)
            {
                yield return new BadRecord(record.Location, record.Error);
                continue;
            }
            foreach (var item in Statement(record.Value, record.Location))
            {
                yield return item;
            }
        }
    }

    /// <summary>The items of one statement, or one bad record naming what breaks the standard.</summary>
    public static IReadOnlyList<ImportItem> Statement(JsonElement statement, RecordLocation at)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            return [new BadRecord(at, $"a statement must be a JSON object, not {statement.ValueKind}.")];
        }
        var id = BodsValues.Text(statement, "recordId") ?? BodsValues.Text(statement, "statementID") ?? BodsValues.Text(statement, "statementId");
        at = at with { RecordId = id ?? at.RecordId };
        if (RestrictedCase(statement) is { } caseId)
        {
            return [new BadRecord(at, ExportValues.MarkedRecordRefusal(caseId))];
        }
        try
        {
            var asOf = BodsValues.Text(statement, "statementDate");
            if (statement.TryGetProperty("recordType", out _) || statement.TryGetProperty("recordDetails", out _))
            {
                return [.. Bods04.Read(statement, at).Select(i => i with { AsOf = asOf })];
            }
            if (statement.TryGetProperty("statementType", out _) || statement.TryGetProperty("statementID", out _))
            {
                return [.. Bods03.Read(statement, at).Select(i => i with { AsOf = asOf })];
            }
            return [new BadRecord(at, "neither a BODS 0.4 statement (recordType) nor a 0.3 statement (statementType).")];
        }
        catch (BodsException e)
        {
            return [new BadRecord(at, e.Message)];
        }
    }

    /// <summary>The case an AssetTrace export marked the statement restricted to, in a commenting annotation.</summary>
    private static string? RestrictedCase(JsonElement statement)
    {
        if (!statement.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return annotations.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.Object ? ExportValues.MarkedCase(BodsValues.Text(a, "description")) : null)
            .FirstOrDefault(c => c is not null);
    }
}
