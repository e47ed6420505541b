using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Marsad.Core.Reports;

/// <summary>
/// Measures and draws report text through HarfBuzz (SkiaSharp.HarfBuzz's <see cref="SKShaper"/>), one bidi run at a
/// time (<see cref="BidiRuns"/>), so Arabic letters take their joined forms and read right to left. Plain
/// <c>DrawText</c> maps each character to its isolated glyph, left to right, which leaves Arabic present but unreadable.
/// Each drawn run carries its UTF-8 text and HarfBuzz's clusters, so the PDF backend can attach the logical text
/// (ActualText) to glyphs that are joined forms and a copied Arabic name stays the name.
/// </summary>
internal sealed class ShapedText : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> shapers = [];
    private readonly Dictionary<(SKTypeface, float, string), float> widths = [];

    /// <summary>The advance width of <paramref name="text"/> as it will be drawn (shaped, runs in visual order).</summary>
    public float Measure(string text, SKFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var key = (font.Typeface, font.Size, text);
        if (!widths.TryGetValue(key, out var width))
        {
            width = BidiRuns.Visual(text, BidiRuns.IsRightToLeft(text)).Sum(run => Shape(run, font).Width);
            widths[key] = width;
        }

        return width;
    }

    /// <summary>
    /// Draws one line starting at <paramref name="x"/>; for a right-to-left paragraph the line is set flush right
    /// inside <paramref name="width"/> instead.
    /// </summary>
    public void Draw(SKCanvas canvas, string line, bool rightToLeft, float x, float width, float baseline, SKFont font, SKPaint paint)
    {
        var runs = BidiRuns.Visual(line, rightToLeft);
        var shaped = runs.Select(run => (Run: run, Result: Shape(run, font))).ToList();
        if (rightToLeft)
        {
            x += Math.Max(0, width - shaped.Sum(s => s.Result.Width));
        }

        foreach (var (run, result) in shaped)
        {
            if (result.Codepoints.Length > 0)
            {
                var utf8 = Encoding.UTF8.GetBytes(run.Text);
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedTextRun(font, result.Codepoints.Length, utf8.Length);
                var glyphs = buffer.Glyphs;
                var positions = buffer.Positions;
                var clusters = buffer.Clusters;
                for (var i = 0; i < result.Codepoints.Length; i++)
                {
                    glyphs[i] = (ushort)result.Codepoints[i];
                    positions[i] = result.Points[i];
                    clusters[i] = result.Clusters[i];
                }

                utf8.CopyTo(buffer.Text);
                using var blob = builder.Build();
                if (blob is not null)
                {
                    canvas.DrawText(blob, x, baseline, paint);
                }
            }

            x += result.Width;
        }
    }

    public void Dispose()
    {
        foreach (var shaper in shapers.Values)
        {
            shaper.Dispose();
        }
    }

    /// <summary>Shapes one run at the origin; the direction is the run's (HarfBuzz guesses only the script), clusters are UTF-8 offsets.</summary>
    private SKShaper.Result Shape(BidiRun run, SKFont font)
    {
        if (!shapers.TryGetValue(font.Typeface, out var shaper))
        {
            shaper = new SKShaper(font.Typeface);
            shapers[font.Typeface] = shaper;
        }

        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf8(Encoding.UTF8.GetBytes(run.Text));
        buffer.Direction = run.RightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        return shaper.Shape(buffer, 0, 0, font);
    }
}
