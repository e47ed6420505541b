using System.Globalization;
using System.Xml;

namespace Marsad.Core.Intake.Parsing;

/// <summary>
/// Nesting limits checked by a linear scan before a document is parsed into a tree: HTML tree building and the walks
/// over the tree cost far more than linear time on elements nested tens of thousands deep (a 1 MB file of nested
/// <c>&lt;div&gt;</c> held ingest for minutes). No real report nests anywhere near the limit.
/// </summary>
public static class MarkupLimits
{
    public const int MaxDepth = 1_000;

    /// <summary>
    /// Start tags an HTML page may hold. A long news page has a few thousand; a 3 MB run of unclosed table cells has
    /// 400,000, and building and walking that tree took 34 s and 1.2 GB: refused by name instead.
    /// </summary>
    public const int MaxElements = 200_000;

    // Elements that never hold others, or whose end tag may be left out (the parser closes them itself):
    // counting them would make ordinary sloppy HTML (thousands of unclosed <p> or <li>) look deep.
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    /// <summary>Throws <see cref="IntakeFormatException"/> when start tags nest deeper than <see cref="MaxDepth"/> or number more than <see cref="MaxElements"/>.</summary>
    public static void CheckHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var depth = 0;
        var elements = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                i = SkipPast(html, i + 4, "-->");
            }
            else if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
                i += 2;
            }
            else if (char.IsAsciiLetter(next))
            {
                var nameEnd = i + 1;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                {
                    nameEnd++;
                }

                var name = html[(i + 1)..nameEnd];
                var close = html.IndexOf('>', nameEnd);
                if (close < 0)
                {
                    return;
                }

                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    i = SkipPast(html, close, "</" + name);
                    continue;
                }

                if (++elements > MaxElements)
                {
                    throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"HTML with more than {MaxElements} elements (at character {i}); refused"));
                }

                if (html[close - 1] != '/' && !Uncounted.Contains(name) && ++depth > MaxDepth)
                {
                    throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"HTML nested deeper than {MaxDepth} elements (at character {i}); refused"));
                }

                i = close + 1;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Throws <see cref="IntakeFormatException"/> when a feed's elements nest deeper than <see cref="MaxDepth"/>.</summary>
    public static void CheckXml(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                throw new IntakeFormatException(string.Create(CultureInfo.InvariantCulture, $"feed nested deeper than {MaxDepth} elements (line {(reader as IXmlLineInfo)?.LineNumber}); refused"));
            }
        }
    }

    private static int SkipPast(string text, int from, string end)
    {
        var at = text.IndexOf(end, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text.Length : at + end.Length;
    }
}
