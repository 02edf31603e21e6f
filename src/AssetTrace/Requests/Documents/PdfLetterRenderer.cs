using System.Globalization;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace AssetTrace.Requests.Documents;

/// <summary>
/// Renders a letter as an A4 PDF with embedded fonts. Text is shaped by HarfBuzz, so Arabic
/// letters join and Chinese needs no spaces; each line is split into runs by font (the first
/// installed font that has the glyph) and by direction, and a right-to-left paragraph lays its
/// runs out from the right margin.
/// </summary>
public sealed class PdfLetterRenderer : IDisposable
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 56f;
    private const float Width = PageWidth - (2 * Margin);

    private readonly Dictionary<int, SKTypeface> _typefaceByCodepoint = [];
    private readonly SKTypeface _primary = SKFontManager.Default.MatchFamily("DejaVu Sans") ?? SKTypeface.Default;
    private readonly SKFont _primaryFont;

    public PdfLetterRenderer()
    {
        _primaryFont = new SKFont(_primary);
    }

    public byte[] Render(Letter letter, string title)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "AssetTrace", Producer = "AssetTrace" }))
        {
            using var page = new PageWriter(document, this);
            foreach (var block in letter.Blocks)
            {
                var (text, size, before) = block.Kind switch
                {
                    BlockKind.Title => (block.Text, 15f, 0f),
                    BlockKind.Heading => (block.Text, 12f, 10f),
                    BlockKind.Field => ($"{block.Label}: {block.Text}", 10.5f, 0f),
                    BlockKind.Item => ("• " + block.Text, 10.5f, 2f),
                    _ => (block.Text, 10.5f, 6f),
                };
                page.Paragraph(text, size, before, letter.RightToLeft);
            }
            page.Finish();
            document.Close();
        }
        return stream.ToArray();
    }

    public void Dispose()
    {
        _primaryFont.Dispose();
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }
    }

    /// <summary>The typeface that has this character: the primary one, or whatever installed font the system offers.</summary>
    internal SKTypeface TypefaceFor(int codepoint)
    {
        if (_primaryFont.ContainsGlyph(codepoint) || IsLayoutNeutral(codepoint))
        {
            return _primary;
        }
        if (!_typefaceByCodepoint.TryGetValue(codepoint, out var typeface))
        {
            typeface = SKFontManager.Default.MatchCharacter(codepoint)
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"No installed font can show '{char.ConvertFromUtf32(codepoint)}' (U+{codepoint:X4}); install fonts-dejavu-core and fonts-wqy-microhei (or fonts-noto-cjk)."));
            _typefaceByCodepoint[codepoint] = typeface;
        }
        return typeface;
    }

    /// <summary>Whether the typeface has a glyph for the character (neutral punctuation keeps the run's font only then).</summary>
    internal bool Covers(SKTypeface typeface, int codepoint)
    {
        if (!_fonts.TryGetValue(typeface, out var font))
        {
            font = new SKFont(typeface);
            _fonts[typeface] = font;
        }
        return font.ContainsGlyph(codepoint);
    }

    private readonly Dictionary<SKTypeface, SKFont> _fonts = [];

    private static bool IsLayoutNeutral(int c) => c is ' ' or '\u200f' or '\u200e';

    internal static bool IsRightToLeft(int c) => c is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    internal static bool IsStrong(int c) => IsRightToLeft(c) || char.IsLetterOrDigit(char.ConvertFromUtf32(c), 0);

    /// <summary>Writes paragraphs onto pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(SKDocument document, PdfLetterRenderer renderer) : IDisposable
    {
        private SKCanvas? _canvas;
        private float _y;
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };

        public void Paragraph(string text, float size, float spaceBefore, bool rightToLeft)
        {
            _y += spaceBefore;
            foreach (var line in Wrap(text, size))
            {
                if (_canvas is null || _y + (size * 1.5f) > PageHeight - Margin)
                {
                    NewPage();
                }
                _y += size * 1.45f;
                DrawLine(line, size, rightToLeft);
            }
        }

        public void Finish()
        {
            if (_canvas is not null)
            {
                document.EndPage();
            }
        }

        public void Dispose() => _ink.Dispose();

        private void NewPage()
        {
            if (_canvas is not null)
            {
                document.EndPage();
            }
            _canvas = document.BeginPage(PageWidth, PageHeight);
            _y = Margin;
        }

        /// <summary>Greedy line breaking on spaces; a word wider than the line (Chinese has no spaces) breaks between characters.</summary>
        private List<string> Wrap(string text, float size)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, size) <= Width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current);
                }
                current = "";
                foreach (var element in Elements(word))
                {
                    if (Measure(current + element, size) > Width && current.Length > 0)
                    {
                        lines.Add(current);
                        current = "";
                    }
                    current += element;
                }
            }
            lines.Add(current);
            return lines;
        }

        private static IEnumerable<string> Elements(string word)
        {
            var enumerator = StringInfo.GetTextElementEnumerator(word);
            while (enumerator.MoveNext())
            {
                yield return enumerator.GetTextElement();
            }
        }

        private float Measure(string text, float size) => Runs(text).Sum(r => Shape(r, size).Width);

        private void DrawLine(string line, float size, bool rightToLeft)
        {
            var runs = rightToLeft ? VisualOrder(Runs(line, true)) : Runs(line, false);
            var widths = runs.Select(r => Shape(r, size).Width).ToList();
            var x = rightToLeft ? PageWidth - Margin - widths.Sum() : Margin;
            for (var i = 0; i < runs.Count; i++)
            {
                using var shaper = new SKShaper(runs[i].Typeface);
                using var font = new SKFont(runs[i].Typeface, size);
                _canvas!.DrawShapedText(shaper, runs[i].Text, x, _y, SKTextAlign.Left, font, _ink);
                x += widths[i];
            }
        }

        /// <summary>
        /// Right-to-left paragraph: groups of runs of one direction are laid out from the right, but
        /// within a left-to-right group (a Latin name, an IBAN) the runs keep their own order.
        /// </summary>
        private static List<Run> VisualOrder(List<Run> runs)
        {
            var groups = new List<List<Run>>();
            foreach (var run in runs)
            {
                if (groups.Count > 0 && !run.RightToLeft && !groups[^1][0].RightToLeft)
                {
                    groups[^1].Add(run);
                }
                else
                {
                    groups.Add([run]);
                }
            }
            groups.Reverse();
            return [.. groups.SelectMany(g => g)];
        }

        private static SKShaper.Result Shape(Run run, float size)
        {
            using var shaper = new SKShaper(run.Typeface);
            using var font = new SKFont(run.Typeface, size);
            return shaper.Shape(run.Text, font);
        }

        /// <summary>Splits a line where the font or the direction changes; spaces and punctuation join the run before them.</summary>
        /// <param name="paragraphRtl">The direction that neutral characters at the start of the line take.</param>
        private List<Run> Runs(string text, bool paragraphRtl = false)
        {
            var runs = new List<Run>();
            var start = 0;
            SKTypeface? typeface = null;
            bool? rtl = paragraphRtl;
            for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            {
                var c = char.ConvertToUtf32(text, i);
                var charRtl = IsStrong(c) ? IsRightToLeft(c) : rtl;
                var charTypeface = !IsStrong(c) && typeface is not null && renderer.Covers(typeface, c) ? typeface : renderer.TypefaceFor(c);
                if (typeface is not null && (charTypeface != typeface || charRtl != rtl))
                {
                    runs.Add(new Run(text[start..i], typeface, rtl == true));
                    start = i;
                }
                typeface = charTypeface;
                rtl = charRtl;
            }
            if (start < text.Length)
            {
                runs.Add(new Run(text[start..], typeface ?? renderer.TypefaceFor(' '), rtl == true));
            }
            return runs;
        }
    }

    private sealed record Run(string Text, SKTypeface Typeface, bool RightToLeft);
}
