using AssetTrace.Requests.Documents;
using UglyToad.PdfPig;

namespace AssetTrace.UnitTests.Requests;

/// <summary>
/// The PDF is read back and its text checked, not just written: Arabic must come out as Arabic
/// letters and Chinese as Chinese characters, with the fonts embedded.
/// </summary>
public sealed class PdfLetterRendererTests
{
    private static Letter Sample(string language, bool rtl, string text) => new(language, rtl, "subject", [
        new LetterBlock(BlockKind.Title, text),
        new LetterBlock(BlockKind.Field, "REQ-2026-0001", language == "ar" ? "مرجعنا" : "Reference"),
        new LetterBlock(BlockKind.Item, "Серік Ахметов (Serik Akhmetov), 1961-04-17"),
        new LetterBlock(BlockKind.Paragraph, string.Concat(Enumerable.Repeat(text + " ", 40))),
    ]);

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    [Fact]
    public void Arabic_is_shaped_and_kept_as_Arabic_text()
    {
        using var renderer = new PdfLetterRenderer();
        var pdf = renderer.Render(Sample("ar", true, "طلب مساعدة قانونية متبادلة"), "test");

        var text = TextOf(pdf);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(text.Count(c => c is (>= '\u0600' and <= '\u06FF') or (>= '\uFB50' and <= '\uFEFF')) > 100, $"too few Arabic letters in: {text[..Math.Min(200, text.Length)]}");
        Assert.Contains("Serik Akhmetov", text.Replace(" ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_text_is_rendered_with_a_font_that_has_it_and_wraps_without_spaces()
    {
        using var renderer = new PdfLetterRenderer();
        var pdf = renderer.Render(Sample("zh", false, "请求提供与本案有关的不动产和银行账户信息"), "test");

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.True(text.Count(c => c is >= '\u4E00' and <= '\u9FFF') > 400, "the Chinese characters are not in the PDF's text");
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => l.Value is [>= '\u4E00' and <= '\u9FFF']).ToList();
        Assert.True(letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count() > 3, "a long Chinese paragraph must wrap over several lines");
        Assert.All(letters, l => Assert.True(l.Width > 0));
    }

    [Fact]
    public void Right_to_left_lines_end_at_the_right_margin()
    {
        using var renderer = new PdfLetterRenderer();
        using var document = PdfDocument.Open(renderer.Render(Sample("ar", true, "طلب مساعدة قانونية متبادلة"), "test"));

        var arabic = document.GetPage(1).Letters.Where(l => l.Value.Any(c => c is >= '\u0600' and <= '\uFEFF')).ToList();
        Assert.InRange(arabic.Max(l => l.EndBaseLine.X), 530, 540);
    }
}
