using System.Text;
using Marsad.Core.Reports;
using UglyToad.PdfPig;

namespace Marsad.Core.Tests.Reports;

/// <summary>
/// Arabic in the PDF report: shaped (joined presentation forms, not isolated letters) and laid out right to left,
/// inside an English line and as a paragraph of its own. The PDF is read back with PdfPig and the Arabic glyphs are
/// put in reading order by their x position (right to left), then compared with the logical text.
/// </summary>
public sealed class PdfArabicTests
{
    private const string Name = "الجيش الحر";
    private const string Claim = "قصف مدفعي على بلدة كفرنبل";

    [Fact]
    public void An_arabic_name_inside_an_english_line_reads_right_to_left_and_is_joined()
    {
        var letters = ArabicLettersByLine(Render(l => l.Paragraph($"Actor: Free Syrian Army ({Name}) near Idlib, 12 events")));

        var line = Assert.Single(letters);
        Assert.Equal(Name.Replace(" ", ""), ReadingOrder(line));
        // Joined: a shaped Arabic word is drawn with contextual forms (initial/medial/final), which the font maps to
        // the Presentation Forms-B block; unshaped text draws the isolated base letters (U+0600 block) only.
        Assert.Contains(line, l => l.Value.Any(c => c is >= '\uFE70' and <= '\uFEFF'));
    }

    [Fact]
    public void An_arabic_paragraph_is_set_flush_right_and_reads_right_to_left()
    {
        var letters = ArabicLettersByLine(Render(l => l.Paragraph(Claim)));

        var line = Assert.Single(letters);
        Assert.Equal(Claim.Replace(" ", ""), ReadingOrder(line));
        Assert.True(line.Max(l => l.BoundingBox.Right) > 595 - 40 - 6, "an Arabic paragraph ends at the right margin");
    }

    [Fact]
    public void Arabic_in_a_table_cell_is_shaped_and_wraps_on_its_shaped_width()
    {
        var longClaim = string.Join(" ", Enumerable.Repeat(Claim, 4));
        var letters = ArabicLettersByLine(Render(l => l.Table([1, 1], ["place", "claim"], [["Kafr Nabl", longClaim]])));

        Assert.True(letters.Count > 1, "the long claim wraps");
        Assert.All(letters, line => Assert.True(line.Max(l => l.BoundingBox.Right) <= 595 - 40 + 0.5, "no Arabic runs past the cell"));
        // Lines are in logical order top to bottom; each reads right to left.
        var read = string.Concat(letters.Select(ReadingOrder));
        Assert.Equal(longClaim.Replace(" ", ""), read);
    }

    [Fact]
    public void Bidi_runs_put_an_arabic_name_and_its_number_in_visual_order()
    {
        var runs = BidiRuns.Visual("Army (الجيش الحر 2) here", rightToLeft: false);
        Assert.Equal(["Army (", "2", "الجيش الحر ", ") here"], runs.Select(r => r.Text));
        Assert.Equal([false, false, true, false], runs.Select(r => r.RightToLeft));

        var arabic = BidiRuns.Visual("قصف على ev-12 أمس", rightToLeft: true);
        Assert.Equal([" أمس", "ev-12", "قصف على "], arabic.Select(r => r.Text));
        Assert.Equal([true, false, true], arabic.Select(r => r.RightToLeft));
        Assert.True(BidiRuns.IsRightToLeft("  «قصف» on Idlib"));
        Assert.False(BidiRuns.IsRightToLeft("12 Idlib قصف"));
    }

    private static byte[] Render(Action<PdfLayout> draw)
    {
        using var stream = new MemoryStream();
        using (var layout = new PdfLayout(stream, "Arabic test", "test"))
        {
            draw(layout);
        }

        return stream.ToArray();
    }

    /// <summary>The Arabic glyphs of page 1, grouped into lines by baseline, top line first.</summary>
    private static List<List<UglyToad.PdfPig.Content.Letter>> ArabicLettersByLine(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(1).Letters
            .Where(l => l.Value.Normalize(NormalizationForm.FormKC).Any(c => c is >= '\u0600' and <= '\u06FF'))
            .GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => g.ToList())
            .ToList();
    }

    /// <summary>The letters right to left, presentation forms folded back to the letters they show (NFKC).</summary>
    private static string ReadingOrder(IEnumerable<UglyToad.PdfPig.Content.Letter> line) =>
        string.Concat(line.OrderByDescending(l => l.BoundingBox.Centroid.X).Select(l => l.Value.Normalize(NormalizationForm.FormKC)));
}
