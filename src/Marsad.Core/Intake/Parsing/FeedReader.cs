using System.Xml;
using System.Xml.Linq;

namespace Marsad.Core.Intake.Parsing;

/// <summary>Reads RSS 2.0 and Atom feeds, one report per item, without ever processing a DTD or touching the network.</summary>
public static class FeedReader
{
    private static readonly XNamespace ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>True when the text's root element is &lt;rss&gt; or &lt;feed&gt;; reads only up to the root's start tag.</summary>
    public static bool LooksLikeFeed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Ignore, not Prohibit: a feed that declares a DTD is still a feed, and Read rejects it with a clear message.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            // A BOM that survived decoding is not content; XmlReader would reject it as text before the root.
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName is "rss" or "feed";
        }
        catch (XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// RSS 2.0 (channel/item: title, link, pubDate in RFC 822, content:encoded else description, channel title else dc:creator as SourceName)
    /// and Atom (feed/entry: title, alternate link, published else updated, content else summary, feed title else author as SourceName).
    /// HTML in item bodies is reduced to text by the same cleaner as web pages. Items without text are skipped; an unreadable date leaves Published null.
    /// Throws <see cref="IntakeFormatException"/> for XML that is not well-formed or declares a DTD ("malformed feed: ..."),
    /// a root other than rss or feed ("not an RSS 2.0 or Atom feed: root element &lt;x&gt;"), and a feed without items ("feed has no items").
    /// </summary>
    public static IReadOnlyList<ParsedReport> Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        var root = Load(xml).Root!;
        return root.Name.LocalName switch
        {
            "rss" => ReadRss(root),
            "feed" => ReadAtom(root),
            var other => throw new IntakeFormatException($"not an RSS 2.0 or Atom feed: root element <{other}>"),
        };
    }

    private static XDocument Load(string xml)
    {
        // Prohibit: an internal subset can expand entities exponentially and an external one can read files or URLs.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using (var scan = XmlReader.Create(new StringReader(xml.TrimStart('\uFEFF')), settings))
            {
                MarkupLimits.CheckXml(scan);
            }

            using var reader = XmlReader.Create(new StringReader(xml.TrimStart('\uFEFF')), settings);
            return XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            // The parser's own wording advises enabling DTD processing, which is exactly what must not happen.
            var problem = DeclaresDtd(xml)
                ? "a DTD is not accepted (<!DOCTYPE> could expand entities or read files)"
                : Describe(ex);
            throw new IntakeFormatException($"malformed feed: {problem}", ex);
        }
    }

    /// <summary>Whether a DOCTYPE precedes the root element; read by hand because XmlReader either processes a DTD or hides it.</summary>
    private static bool DeclaresDtd(string xml)
    {
        var text = xml.AsSpan().TrimStart('\uFEFF');
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("<?", StringComparison.Ordinal))
            {
                var end = text.IndexOf("?>", StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                text = text[(end + 2)..];
            }
            else if (text.StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = text.IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                text = text[(end + 3)..];
            }
            else
            {
                return text.StartsWith("<!DOCTYPE", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The parser's message on one line, its position in parentheses: "unexpected end of file ... (line 3, position 5)".</summary>
    private static string Describe(XmlException ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        var position = $" Line {ex.LineNumber}, position {ex.LinePosition}.";
        if (ex.LineNumber > 0 && message.EndsWith(position, StringComparison.Ordinal))
        {
            message = $"{message[..^position.Length].TrimEnd('.', ' ')} (line {ex.LineNumber}, position {ex.LinePosition})";
        }

        // Lower-case the sentence start so it reads on after "malformed feed:", but leave acronyms such as "DTD" alone.
        return message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    private static List<ParsedReport> ReadRss(XElement rss)
    {
        var channel = rss.Element("channel");
        var items = channel?.Elements("item").ToList() ?? [];
        if (items.Count == 0)
        {
            throw new IntakeFormatException("feed has no items");
        }

        var channelTitle = Collapse(channel!.Element("title")?.Value);
        var reports = new List<ParsedReport>();
        foreach (var item in items)
        {
            var body = NonEmpty(item.Element(ContentNamespace + "encoded")?.Value) ?? item.Element("description")?.Value;
            var text = BodyText(body, isHtml: null);
            if (text.Length == 0)
            {
                continue;
            }

            var title = InlineText(item.Element("title")?.Value);
            var published = ReportDates.ParseRfc822(item.Element("pubDate")?.Value)
                ?? ReportDates.ParseIsoOrLoose(item.Element(DublinCoreNamespace + "date")?.Value);
            var source = channelTitle ?? Collapse(item.Element(DublinCoreNamespace + "creator")?.Value);
            reports.Add(new ParsedReport(title, text, published, source, RssLink(item), MediaTypes.Rss));
        }

        return reports;
    }

    private static string? RssLink(XElement item)
    {
        if (NonEmpty(item.Element("link")?.Value) is { } link)
        {
            return link.Trim();
        }

        // RSS 2.0: a guid is the item's URL unless isPermaLink says otherwise.
        var guid = item.Element("guid");
        return guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
            ? NonEmpty(guid.Value)?.Trim()
            : null;
    }

    private static List<ParsedReport> ReadAtom(XElement feed)
    {
        var ns = feed.Name.Namespace;
        var entries = feed.Elements(ns + "entry").ToList();
        if (entries.Count == 0)
        {
            throw new IntakeFormatException("feed has no items");
        }

        var feedTitle = AtomInlineText(feed.Element(ns + "title"));
        var reports = new List<ParsedReport>();
        foreach (var entry in entries)
        {
            var text = AtomText(entry.Element(ns + "content"));
            if (text.Length == 0)
            {
                text = AtomText(entry.Element(ns + "summary"));
            }

            if (text.Length == 0)
            {
                continue;
            }

            var title = AtomInlineText(entry.Element(ns + "title"));
            var published = ReportDates.ParseIsoOrLoose(entry.Element(ns + "published")?.Value)
                ?? ReportDates.ParseIsoOrLoose(entry.Element(ns + "updated")?.Value);
            var author = Collapse(entry.Element(ns + "author")?.Element(ns + "name")?.Value);
            reports.Add(new ParsedReport(title, text, published, feedTitle ?? author, AtomLink(entry, ns), MediaTypes.Atom));
        }

        return reports;
    }

    private static string? AtomLink(XElement entry, XNamespace ns)
    {
        foreach (var link in entry.Elements(ns + "link"))
        {
            var rel = (string?)link.Attribute("rel");
            if (rel is null || rel == "alternate")
            {
                return NonEmpty((string?)link.Attribute("href"))?.Trim();
            }
        }

        return null;
    }

    /// <summary>An Atom text construct (RFC 4287 section 3.1) as plain text: type text, html (escaped markup) or xhtml (inline markup).</summary>
    private static string AtomText(XElement? construct)
    {
        if (construct is null)
        {
            return string.Empty;
        }

        return (string?)construct.Attribute("type") switch
        {
            "html" or "text/html" => BodyText(construct.Value, isHtml: true),
            "xhtml" or "application/xhtml+xml" => BodyText(string.Concat(construct.Nodes().Select(node => node.ToString())), isHtml: true),
            "text" or "text/plain" or null => BodyText(construct.Value, isHtml: null),
            _ => string.Empty, // out-of-line or binary content (src=, base64) is not text we can read
        };
    }

    private static string? AtomInlineText(XElement? construct)
    {
        if (construct is null)
        {
            return null;
        }

        var text = AtomText(construct);
        return text.Length == 0 ? null : HtmlTextExtractor.CollapseWhitespace(text);
    }

    /// <summary>An item body as text; isHtml null means "decide from the content", since RSS does not say.</summary>
    private static string BodyText(string? body, bool? isHtml)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        return isHtml ?? ContainsMarkup(body)
            ? HtmlTextExtractor.FragmentText(body)
            : body.Trim();
    }

    private static string? InlineText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = HtmlTextExtractor.CollapseWhitespace(ContainsMarkup(value) ? HtmlTextExtractor.FragmentText(value) : value);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Whether a string holds a tag or a character reference, the signs of escaped HTML; plain text keeps its line breaks.</summary>
    private static bool ContainsMarkup(string value)
    {
        for (var i = 0; i + 1 < value.Length; i++)
        {
            var next = value[i + 1];
            if (value[i] == '<' && (char.IsAsciiLetter(next) || next is '/' or '!'))
            {
                return true;
            }

            if (value[i] == '&' && (char.IsAsciiLetter(next) || next == '#'))
            {
                var semicolon = value.IndexOf(';', i + 1);
                if (semicolon > i && semicolon - i <= 10)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? Collapse(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = HtmlTextExtractor.CollapseWhitespace(value);
        return text.Length == 0 ? null : text;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
