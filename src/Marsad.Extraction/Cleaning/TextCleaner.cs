using System.Text;

namespace Marsad.Extraction.Cleaning;

/// <summary>
/// Strips what a scraped page adds around a report (a title bar naming the site, "You might also like",
/// cookie banners, share buttons) and normalises typography, so that later stages see report text only.
/// </summary>
public static class TextCleaner
{
    // Lines that are page furniture wherever they appear.
    private static readonly string[] FurniturePrefixes =
    [
        "You might also like", "This website uses cookies", "We use cookies", "Accept cookies", "Share this", "Share on",
        "Related posts", "Related articles", "Read also", "Read more", "Subscribe to", "Follow us", "Tags:", "Print this",
    ];

    // After one of these, the rest of a scraped page is links and banners.
    private static readonly string[] TailMarkers = ["You might also like", "Related posts", "Related articles"];

    public static CleanText Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = Normalise(raw).Split('\n');
        var kept = new List<string>(lines.Length);
        var end = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (i > lines.Length / 2 && TailMarkers.Any(m => line.StartsWith(m, StringComparison.OrdinalIgnoreCase)))
            {
                end = i;
                break;
            }
        }

        for (var i = 0; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (FurniturePrefixes.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && line.Length < 400)
            {
                continue;
            }

            if (kept.Count == 0 && IsTitleBar(line, NextNonEmpty(lines, i + 1, end)))
            {
                continue;
            }

            kept.Add(line);
        }

        var text = string.Join("\n\n", kept);
        var title = kept.Count > 1 && IsHeading(kept[0]) ? kept[0] : null;
        return new CleanText(text, title);
    }

    /// <summary>A heading: short, not ended like a sentence, and not a quotation left open.</summary>
    public static bool IsHeading(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var t = line.TrimEnd();
        // A line whose quotation never closes is a sentence cut short (a scraped page often ends mid-quote), not a
        // title: headings quote whole phrases.
        return t.Length is > 0 and < 300 && t[^1] is not ('.' or '!' or '?' or ':' or ';' or '"') && QuoteMarks(t) % 2 == 0;
    }

    private static int QuoteMarks(string line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c is '"' or '\u201C' or '\u201D')
            {
                n++;
            }
        }

        return n;
    }

    // A browser title bar repeats the headline and appends the site: "Headline • Site" or "Headline | Site".
    private static bool IsTitleBar(string line, string? next) =>
        next is not null && next.Length >= 20 && line.Length > next.Length && line.StartsWith(next, StringComparison.Ordinal)
        && line.AsSpan(next.Length).TrimStart().IndexOfAny('•', '|', '-') == 0;

    private static string? NextNonEmpty(string[] lines, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            var t = lines[i].Trim();
            if (t.Length > 0)
            {
                return t;
            }
        }

        return null;
    }

    private static string Normalise(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\u2018' or '\u2019' or '\u02BC' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E':
                    sb.Append('"');
                    break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t':
                    sb.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD':
                    break;
                case '\u2026':
                    sb.Append("...");
                    break;
                default:
                    sb.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
