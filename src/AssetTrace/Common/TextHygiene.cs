using System.Buffers;
using System.Globalization;
using System.Text;

namespace AssetTrace.Common;

/// <summary>What a piece of text is, which decides the characters it may hold.</summary>
public enum TextKind
{
    /// <summary>Ids, codes, usernames, registration numbers, e-mail addresses: what a person types to find the same thing again.</summary>
    Identifier,

    /// <summary>One line of text: names, titles, roles, references.</summary>
    Line,

    /// <summary>Long text a person writes: reasons, notes, the texts of a request letter. May hold tabs and line breaks.</summary>
    FreeText,
}

/// <summary>
/// The one check every text a user or a file gives goes through before it is stored (#11):
/// a maximum length, and no characters that are invisible yet change what is stored or shown.
/// <list type="bullet">
/// <item>Control characters (C0, DEL, C1; NUL among them, which PostgreSQL cannot even store) are refused,
/// except tab, carriage return and line feed in <see cref="TextKind.FreeText"/>.</item>
/// <item>The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused
/// everywhere: they make text display in an order other than the one it is stored in ("Trojan Source").
/// Arabic, Hebrew and other right-to-left scripts need none of them and stay accepted.</item>
/// <item>The directional marks (U+200E, U+200F, U+061C) are accepted in names and free text, where
/// Arabic keyboards and word processors put them and where they move only neutral characters next to them,
/// and refused in identifiers, with every other invisible format character (zero-width space, joiners,
/// byte-order mark, soft hyphen): two identifiers that look the same must be the same.</item>
/// <item>Line and paragraph separators (U+2028, U+2029) and unpaired UTF-16 surrogates are refused everywhere.</item>
/// </list>
/// Lengths count characters (Unicode code points), so a Chinese or Arabic name has the same room as a Latin one.
/// </summary>
public static class TextHygiene
{
    /// <summary>The first problem with <paramref name="value"/>, or null when it may be stored. Null values are fine.</summary>
    public static FieldError? Check(string field, string? value, TextKind kind, int maxLength)
    {
        if (value is null)
        {
            return null;
        }
        // A string of n UTF-16 units holds at least n/2 characters: a long text is refused without reading it.
        if (value.Length / 2 > maxLength)
        {
            return TooLong(field, value.Length / 2, maxLength, atLeast: true);
        }
        var position = 0;
        for (var i = 0; i < value.Length;)
        {
            position++;
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
            {
                return new FieldError(field,
                    $"holds U+{(int)value[i]:X4}, half of a UTF-16 surrogate pair without its other half, at character {position}: the text is damaged; send it again as UTF-8.");
            }
            if (Refused(rune, kind) is { } what)
            {
                return new FieldError(field, $"holds U+{rune.Value:X4} ({what}) at character {position}; {Advice(rune, kind)}");
            }
            i += consumed;
        }
        return position > maxLength ? TooLong(field, position, maxLength, atLeast: false) : null;
    }

    /// <summary>Adds the problem with <paramref name="value"/>, if any, to <paramref name="errors"/>.</summary>
    public static void Check(string field, string? value, TextKind kind, int maxLength, List<FieldError> errors)
    {
        if (Check(field, value, kind, maxLength) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>Throws <see cref="UserInputException"/> naming the field when <paramref name="value"/> may not be stored.</summary>
    public static void Require(string field, string? value, TextKind kind, int maxLength)
    {
        if (Check(field, value, kind, maxLength) is { } error)
        {
            throw new UserInputException([error]);
        }
    }

    /// <summary>What the character is, when <paramref name="kind"/> of text may not hold it; null when it may.</summary>
    public static string? Refused(Rune rune, TextKind kind)
    {
        var value = rune.Value;
        if (value is '\t' or '\r' or '\n')
        {
            return kind == TextKind.FreeText ? null : value == '\t' ? "a tab" : "a line break";
        }
        if (value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069)
        {
            return BidiControlNames[value];
        }
        if (value is 0x2028 or 0x2029)
        {
            return value == 0x2028 ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR";
        }
        var category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.Control)
        {
            return value == 0 ? "NUL, a control character" : "a control character";
        }
        if (category == UnicodeCategory.Format && kind == TextKind.Identifier)
        {
            return value switch
            {
                0x200E => "LEFT-TO-RIGHT MARK, an invisible character",
                0x200F => "RIGHT-TO-LEFT MARK, an invisible character",
                0x061C => "ARABIC LETTER MARK, an invisible character",
                _ => "an invisible format character",
            };
        }
        return null;
    }

    private static string Advice(Rune rune, TextKind kind) => rune.Value switch
    {
        '\t' or '\r' or '\n' => "keep it on one line.",
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 =>
            "remove it: it makes the text display in another order than it is stored. Right-to-left text such as Arabic needs no such character.",
        _ when kind == TextKind.Identifier && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format =>
            "remove it: an identifier must match what is typed to find it.",
        _ => "remove it.",
    };

    private static FieldError TooLong(string field, int length, int maxLength, bool atLeast) =>
        new(field, string.Create(CultureInfo.InvariantCulture,
            $"is {(atLeast ? "at least " : "")}{length:N0} characters long; at most {maxLength:N0} are allowed."));

    private static readonly Dictionary<int, string> BidiControlNames = new()
    {
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING, a bidirectional control",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING, a bidirectional control",
        [0x202C] = "POP DIRECTIONAL FORMATTING, a bidirectional control",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE, a bidirectional control",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE, a bidirectional control",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE, a bidirectional control",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE, a bidirectional control",
        [0x2068] = "FIRST STRONG ISOLATE, a bidirectional control",
        [0x2069] = "POP DIRECTIONAL ISOLATE, a bidirectional control",
    };
}
