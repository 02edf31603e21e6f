using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssetTrace.Common;

namespace AssetTrace.Audit.Checkpoints;

/// <summary>
/// The exported form of a checkpoint (<c>audit checkpoint export FILE</c>): a small JSON file a
/// supervisor keeps away from the server and the database, so that a cut that also removed the
/// stored checkpoints still shows when the log is verified against it.
/// </summary>
public static class AuditCheckpointFile
{
    public const string Format = "assettrace-audit-checkpoint/1";

    public static string Write(AuditCheckpoint checkpoint) => new JsonObject
    {
        ["format"] = Format,
        ["seq"] = checkpoint.Seq,
        ["hash"] = checkpoint.Hash,
        ["signedAt"] = AuditHash.Canonical(checkpoint.SignedAt),
        ["keyFingerprint"] = checkpoint.KeyFingerprint,
        ["publicKey"] = checkpoint.PublicKey,
        ["signature"] = checkpoint.Signature,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    /// <summary>Reads an exported checkpoint; <paramref name="field"/> names the input in the error when it is not one.</summary>
    public static AuditCheckpoint Read(string json, string field)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject
                ?? throw new UserInputException(field, "is not a JSON object; pass the file 'audit checkpoint export' wrote.");
        }
        catch (JsonException e)
        {
            throw new UserInputException(field, $"is not JSON ({e.Message}); pass the file 'audit checkpoint export' wrote.");
        }
        if (Text(document, "format", field) != Format)
        {
            throw new UserInputException(field, $"has format '{document["format"]}', not '{Format}'; pass the file 'audit checkpoint export' wrote.");
        }
        var seq = document["seq"] is JsonValue s && s.TryGetValue<long>(out var n) && n > 0
            ? n : throw new UserInputException(field, "needs 'seq', a positive whole number.");
        var signedAt = DateTimeOffset.TryParseExact(Text(document, "signedAt", field), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime() : throw new UserInputException(field, "needs 'signedAt' as written by the export, e.g. 2026-11-28T09:00:00.000000Z.");
        return new AuditCheckpoint(seq, Text(document, "hash", field), signedAt, Text(document, "keyFingerprint", field),
            Text(document, "publicKey", field), Text(document, "signature", field));
    }

    private static string Text(JsonObject document, string name, string field) =>
        document[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text : throw new UserInputException(field, $"needs '{name}' as a non-empty string; pass the file 'audit checkpoint export' wrote.");
}
