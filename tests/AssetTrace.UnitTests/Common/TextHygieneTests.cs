using AssetTrace.Common;

namespace AssetTrace.UnitTests.Common;

/// <summary>The text rules of #11: what each kind of text may hold, where a refusal points, how length is counted.</summary>
public sealed class TextHygieneTests
{
    private static FieldError Refused(string value, TextKind kind = TextKind.Line, int maxLength = 100) =>
        TextHygiene.Check("input.name", value, kind, maxLength) ?? throw new Xunit.Sdk.XunitException($"'{value}' was accepted as {kind}.");

    [Theory]
    [InlineData("Серік Ахметов")]                    // Kazakh Cyrillic
    [InlineData("Нұрлан Серікұлы")]
    [InlineData("عبد الله بن محمد الأحمد")]            // Arabic
    [InlineData("شركة الأفق للاستثمار ذ.م.م")]
    [InlineData("王小明")]                              // Chinese
    [InlineData("北京远望投资有限公司")]
    [InlineData("Ωmega Ltd — “Trust” №5")]
    [InlineData("שלום\u200F 2015")]                     // a right-to-left mark, as Hebrew and Arabic keyboards type it
    [InlineData("\u0627\u0644\u0639\u0631\u0628\u064A\u0629\u061C 12")]  // an Arabic letter mark
    public void Names_in_any_script_are_accepted(string name) =>
        Assert.Null(TextHygiene.Check("input.name", name, TextKind.Line, 100));

    [Fact]
    public void A_NUL_is_refused_with_its_code_point_and_position()
    {
        var error = Refused("Ivan\0ov");
        Assert.Equal("input.name", error.Field);
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
        Assert.Contains("at character 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u001B')]  // ESC: terminal escape sequences in a name read by `audit` in a shell
    [InlineData('\u007F')]
    [InlineData('\u0085')]  // C1 NEXT LINE
    [InlineData('\u009B')]  // C1 CONTROL SEQUENCE INTRODUCER
    public void Other_C0_and_C1_controls_are_refused_everywhere(char control)
    {
        foreach (var kind in Enum.GetValues<TextKind>())
        {
            Assert.Contains($"U+{(int)control:X4}", Refused($"a{control}b", kind).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Bidirectional_embeddings_overrides_and_isolates_are_refused_everywhere(char control)
    {
        foreach (var kind in Enum.GetValues<TextKind>())
        {
            var error = Refused($"Invoice\u0020{control}fdp.exe", kind);
            Assert.Contains($"U+{(int)control:X4}", error.Message, StringComparison.Ordinal);
            Assert.Contains("at character 9", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_position_counts_characters_not_UTF16_units()
    {
        // Two characters outside the Basic Multilingual Plane come first: four UTF-16 units, two characters.
        var error = Refused("𠀋𠀌\u202Ex");
        Assert.Contains("at character 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\tb")]
    [InlineData("first line\nsecond")]
    [InlineData("windows\r\nline")]
    public void Tabs_and_line_breaks_are_accepted_in_free_text_only(string text)
    {
        Assert.Null(TextHygiene.Check("input.reason", text, TextKind.FreeText, 100));
        Assert.NotNull(TextHygiene.Check("input.name", text, TextKind.Line, 100));
        Assert.NotNull(TextHygiene.Check("input.id", text, TextKind.Identifier, 100));
    }

    [Theory]
    [InlineData("\u200E")]  // LEFT-TO-RIGHT MARK
    [InlineData("\u200F")]  // RIGHT-TO-LEFT MARK
    [InlineData("\u061C")]  // ARABIC LETTER MARK
    [InlineData("\u200B")]  // ZERO WIDTH SPACE
    [InlineData("\uFEFF")]  // BYTE ORDER MARK
    [InlineData("\u00AD")]  // SOFT HYPHEN
    public void Invisible_characters_are_refused_in_identifiers(string invisible)
    {
        var error = Refused($"KZ123{invisible}456", TextKind.Identifier);
        Assert.Contains("at character 6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void Unicode_line_and_paragraph_separators_are_refused_everywhere(string separator)
    {
        foreach (var kind in Enum.GetValues<TextKind>())
        {
            Refused($"a{separator}b", kind);
        }
    }

    [Fact]
    public void An_unpaired_surrogate_is_refused() =>
        Assert.Contains("U+D800", Refused("ab\uD800c").Message, StringComparison.Ordinal);

    [Fact]
    public void Length_counts_characters_so_every_script_has_the_same_room()
    {
        Assert.Null(TextHygiene.Check("input.name", new string('王', 10), TextKind.Line, 10));
        Assert.Null(TextHygiene.Check("input.name", string.Concat(Enumerable.Repeat("𠀋", 10)), TextKind.Line, 10));
        var error = Refused(new string('x', 11), maxLength: 10);
        Assert.Contains("is 11 characters long; at most 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_900_KB_text_is_refused_without_being_read_whole()
    {
        var error = Refused(new string('A', 900 * 1024), maxLength: 1000);
        Assert.Contains("at most 1,000 are allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_throws_a_user_input_error_naming_the_field() =>
        Assert.Equal("input.reason", Assert.Throws<UserInputException>(() => TextHygiene.Require("input.reason", "x\0", TextKind.FreeText, 10)).Errors.Single().Field);
}
