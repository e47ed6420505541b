using SkiaSharp;

namespace Marsad.Core.Reports;

/// <summary>
/// A small flow layout over SkiaSharp's PDF backend: headings, wrapped paragraphs, tables whose cells
/// wrap inside fixed column widths (so nothing runs off the page), and images, with page breaks and
/// page numbers. A4 portrait, 40 pt margins. Text is shaped and set in bidi runs (<see cref="ShapedText"/>), so
/// Arabic names and claims are joined and read right to left; a paragraph or cell whose first letter is Arabic is
/// set flush right. Wrapping measures the shaped widths.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const float PageWidth = 595, PageHeight = 842, Margin = 40;
    private readonly SKDocument document;
    private readonly SKTypeface regular = SKTypeface.FromFamilyName(ReportFonts.Family) ?? SKTypeface.Default;
    private readonly SKTypeface bold = SKTypeface.FromFamilyName(ReportFonts.Family, SKFontStyle.Bold) ?? SKTypeface.Default;
    private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint grey = new() { Color = new SKColor(90, 90, 90), IsAntialias = true };
    private readonly SKPaint rule = new() { Color = new SKColor(190, 190, 190), StrokeWidth = 0.6f, IsStroke = true };
    private readonly SKPaint shade = new() { Color = new SKColor(241, 239, 232) };
    private readonly ShapedText text = new();
    private readonly string footer;
    private SKCanvas? canvas;
    private float y;
    private int page;

    public PdfLayout(Stream stream, string title, string footer)
    {
        document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = title, Creator = "Marsad", Producer = "Marsad (SkiaSharp PDF)" });
        this.footer = footer;
        NewPage();
    }

    private static float ContentWidth => PageWidth - 2 * Margin;

    /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one (a heading with the image below it).</summary>
    public void KeepTogether(float points)
    {
        if (y + points > PageHeight - Margin - 20)
        {
            NewPage();
        }
    }

    /// <summary>The height an image of <paramref name="width"/> points will take.</summary>
    public static float ImageHeight(byte[] png, float width)
    {
        using var image = SKImage.FromEncodedData(png);
        return width * image.Height / image.Width + 8;
    }

    public void Heading(string text, float size)
    {
        Space(size * 0.8f);
        using var font = new SKFont(bold, size);
        Lines(text, font, ink, 0, ContentWidth, keepWithNext: 3 * size);
        Space(size * 0.3f);
    }

    public void Paragraph(string text, float size = 10, float indent = 0, bool muted = false)
    {
        using var font = new SKFont(regular, size);
        Lines(text, font, muted ? grey : ink, indent, ContentWidth - indent, keepWithNext: 0);
        Space(size * 0.35f);
    }

    public void Table(IReadOnlyList<float> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, float size = 8)
    {
        using var headFont = new SKFont(bold, size);
        using var font = new SKFont(regular, size);
        var scale = ContentWidth / widths.Sum();
        var columns = widths.Select(w => w * scale).ToArray();
        Row(columns, header, headFont, shaded: true);
        foreach (var row in rows)
        {
            if (Row(columns, row, font, shaded: false))
            {
                Row(columns, header, headFont, shaded: true, repeat: true);
                Row(columns, row, font, shaded: false);
            }
        }

        Space(8);
    }

    public void Image(byte[] png, float width)
    {
        using var image = SKImage.FromEncodedData(png);
        var height = width * image.Height / image.Width;
        if (y + height > PageHeight - Margin - 20)
        {
            NewPage();
        }

        canvas!.DrawImage(image, SKRect.Create(Margin + (ContentWidth - width) / 2, y, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        y += height + 8;
    }

    public void Space(float points) => y += points;

    public void Dispose()
    {
        EndPage();
        document.Close();
        document.Dispose();
        text.Dispose(); // the shapers hold the typefaces' HarfBuzz faces: free them first
        regular.Dispose();
        bold.Dispose();
        ink.Dispose();
        grey.Dispose();
        rule.Dispose();
        shade.Dispose();
    }

    /// <summary>Draws one table row; returns true (drawing nothing) when it had to start a new page first.</summary>
    private bool Row(float[] columns, IReadOnlyList<string> cells, SKFont font, bool shaded, bool repeat = false)
    {
        const float pad = 3;
        var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i] - 2 * pad)).ToList();
        var lineHeight = font.Size * 1.3f;
        var height = wrapped.Max(w => w.Count) * lineHeight + 2 * pad;
        if (!repeat && y + height > PageHeight - Margin - 20)
        {
            NewPage();
            return true;
        }

        var x = Margin;
        if (shaded)
        {
            canvas!.DrawRect(SKRect.Create(Margin, y, ContentWidth, height), shade);
        }

        for (var i = 0; i < columns.Length; i++)
        {
            canvas!.DrawRect(SKRect.Create(x, y, columns[i], height), rule);
            for (var l = 0; l < wrapped[i].Count; l++)
            {
                var (line, rightToLeft) = wrapped[i][l];
                text.Draw(canvas, line, rightToLeft, x + pad, columns[i] - 2 * pad, y + pad + (l + 1) * lineHeight - font.Size * 0.3f, font, ink);
            }

            x += columns[i];
        }

        y += height;
        return false;
    }

    private void Lines(string content, SKFont font, SKPaint paint, float indent, float width, float keepWithNext)
    {
        var lineHeight = font.Size * 1.35f;
        var lines = Wrap(content, font, width);
        if (y + lineHeight * lines.Count + keepWithNext > PageHeight - Margin - 20 && lines.Count < 8)
        {
            NewPage();
        }

        foreach (var (line, rightToLeft) in lines)
        {
            if (y + lineHeight > PageHeight - Margin - 20)
            {
                NewPage();
            }

            y += lineHeight;
            text.Draw(canvas!, line, rightToLeft, Margin + indent, width, y - font.Size * 0.3f, font, paint);
        }
    }

    /// <summary>
    /// Greedy word wrap on shaped widths; a word longer than the width is cut where it must be. A line's width is
    /// the sum of its words' shaped widths and the spaces between them (Arabic letters do not join across a space),
    /// so each word is shaped once. Each line carries its paragraph's direction (from the paragraph's first letter).
    /// </summary>
    private List<(string Line, bool RightToLeft)> Wrap(string content, SKFont font, float width)
    {
        var lines = new List<(string, bool)>();
        var space = text.Measure(" ", font);
        foreach (var paragraph in content.Split('\n'))
        {
            var rightToLeft = BidiRuns.IsRightToLeft(paragraph);
            var line = "";
            var lineWidth = 0f;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = text.Measure(word, font);
                var candidateWidth = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidateWidth <= width)
                {
                    line = line.Length == 0 ? word : line + " " + word;
                    lineWidth = candidateWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add((line, rightToLeft));
                }

                line = word;
                while (text.Measure(line, font) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && text.Measure(line[..cut], font) > width)
                    {
                        cut--;
                    }

                    lines.Add((line[..cut], rightToLeft));
                    line = line[cut..];
                }

                lineWidth = text.Measure(line, font);
            }

            lines.Add((line, rightToLeft));
        }

        return lines;
    }

    private void NewPage()
    {
        EndPage();
        page++;
        canvas = document.BeginPage(PageWidth, PageHeight);
        y = Margin;
    }

    private void EndPage()
    {
        if (canvas is null)
        {
            return;
        }

        using var font = new SKFont(regular, 8);
        text.Draw(canvas, $"{footer} — page {page}", rightToLeft: false, Margin, ContentWidth, PageHeight - Margin / 2, font, grey);
        document.EndPage();
        canvas = null;
    }
}
