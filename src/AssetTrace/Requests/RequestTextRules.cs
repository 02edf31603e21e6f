using AssetTrace.Common;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;

namespace AssetTrace.Requests;

/// <summary>
/// Lengths and characters of what an officer writes into a request and of the directory's contact
/// points (#11); see <see cref="TextHygiene"/>. The letters carry these texts abroad, in PDF: Arabic and
/// Chinese are welcome, control characters and bidirectional overrides are not.
/// </summary>
public static class RequestTextRules
{
    /// <summary>The fields of a request's body whose text may not be stored, each with what is wrong.</summary>
    public static List<FieldError> Problems(RequestBody body)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("input.freeText", body.FreeText, TextKind.FreeText, TextLimits.RequestLongText, errors);
        TextHygiene.Check("input.legalBasis", body.LegalBasis, TextKind.FreeText, TextLimits.RequestShortText, errors);
        TextHygiene.Check("input.offenceDescription", body.OffenceDescription, TextKind.FreeText, TextLimits.RequestLongText, errors);
        TextHygiene.Check("input.assetLink", body.AssetLink, TextKind.FreeText, TextLimits.RequestLongText, errors);
        TextHygiene.Check("input.confidentiality", body.Confidentiality, TextKind.FreeText, TextLimits.RequestShortText, errors);
        TextHygiene.Check("input.restrictions", body.Restrictions, TextKind.FreeText, TextLimits.RequestShortText, errors);
        foreach (var (item, statement) in body.Statements)
        {
            if (TextHygiene.Check("input.statements", item, TextKind.Identifier, TextLimits.Id) is { } badItem)
            {
                errors.Add(badItem);
                continue;
            }
            TextHygiene.Check($"input.statements.{item}", statement, TextKind.FreeText, TextLimits.RequestShortText, errors);
        }
        return errors;
    }

    /// <summary>Why a request is withdrawn: kept in its history and the audit log.</summary>
    public static void CheckReason(string reason) =>
        TextHygiene.Require("reason", reason, TextKind.FreeText, TextLimits.Reason);

    /// <summary>The fields of a contact point whose text may not be stored, each with what is wrong.</summary>
    public static List<FieldError> Problems(ContactPoint contact)
    {
        var errors = new List<FieldError>();
        TextHygiene.Check("input.id", contact.Id, TextKind.Identifier, TextLimits.Id, errors);
        TextHygiene.Check("input.name", contact.Name, TextKind.Line, TextLimits.ContactName, errors);
        TextHygiene.Check("input.email", contact.Email, TextKind.Identifier, TextLimits.Email, errors);
        TextHygiene.Check("input.timeZone", contact.TimeZone, TextKind.Identifier, TextLimits.TimeZone, errors);
        return errors;
    }
}
