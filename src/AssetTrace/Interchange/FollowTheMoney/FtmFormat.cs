using System.Runtime.CompilerServices;
using System.Text.Json;
using AssetTrace.Interchange.Import;

namespace AssetTrace.Interchange.FollowTheMoney;

/// <summary>
/// FollowTheMoney entities as JSON lines (one <c>{"id", "schema", "properties"}</c> per line, as Aleph
/// and OpenSanctions publish them), also delta lines <c>{"op": "ADD"|"MOD"|"DEL", "entity": …}</c>.
/// </summary>
public sealed class FtmFormat : IImportFormat
{
    public const string FormatName = "ftm";

    public string Name => FormatName;

    public string Description => "FollowTheMoney entities, JSON lines (Aleph, OpenSanctions, yente); delta lines too.";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string fileName, Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var record in JsonRecordReader.ReadAsync(fileName, stream, ct))
        {
            if (record.Error is not null)
            {
                yield return new BadRecord(record.Location, record.Error);
                continue;
            }
            var entity = record.Value;
            if (entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String)
            {
                if (op.GetString() == "DEL")
                {
                    yield return new IgnoredRecord(record.Location, "FtM delta DEL (deletions are left to an analyst)");
                    continue;
                }
                entity = entity.TryGetProperty("entity", out var inner) ? inner : default;
            }
            foreach (var item in FtmEntities.Read(entity, record.Location))
            {
                yield return item;
            }
        }
    }
}
