using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marsad.Core.Intake.Parsing;

/// <summary>The one HTML cleaner of intake: drops page furniture and turns the rest into paragraphs of text.</summary>
internal static class HtmlTextExtractor
{
    /// <summary>Never text: code, embedded media and controls.</summary>
    private static readonly HashSet<string> NonTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas",
        "audio", "video", "button", "select", "dialog",
    };

    /// <summary>Structural elements that hold site chrome rather than the report.</summary>
    private static readonly HashSet<string> FurnitureElements = new(StringComparer.Ordinal)
    {
        "nav", "header", "footer", "aside", "form",
    };

    /// <summary>Words in an id, class, role or aria-label that mark an element as furniture; matched as whole words.</summary>
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.Ordinal)
    {
        "cookie", "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe", "subscription",
        "share", "sharing", "social", "related", "recommended", "recommendations", "sidebar",
        "menu", "menubar", "breadcrumb", "breadcrumbs", "comment", "comments",
        "advert", "adverts", "advertisement", "advertising", "ad", "ads", "sponsored",
        "navigation", "complementary", "contentinfo",
    };

    /// <summary>Elements that end a paragraph of the output.</summary>
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "section",
        "article", "main", "body", "html", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
        "caption", "figure", "figcaption", "pre", "address", "hr", "details", "summary", "fieldset", "legend",
        "header", "footer", "center",
    };

    private static readonly string[] RelatedPhrases = ["You might also like", "Related articles", "Read more", "Recommended"];
    private static readonly string[] CookiePhrases = ["This website uses cookies", "We use cookies"];

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The report text of a whole page: the article (else main, else the element with most paragraph text, else body) without furniture. Mutates the document.</summary>
    public static string PageText(IHtmlDocument document)
    {
        RemoveFurniture(document);
        var root = ChooseRoot(document);
        return root is null ? string.Empty : TextOf(root);
    }

    /// <summary>The text of an HTML fragment such as a feed item body: all of it except furniture.</summary>
    public static string FragmentText(string html)
    {
        using var document = Parse(html);
        RemoveFurniture(document);
        return document.Body is { } body ? TextOf(body) : string.Empty;
    }

    /// <summary>Whitespace runs collapsed to one space, trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var writer = new ParagraphWriter();
        writer.Text(text);
        return writer.ToString();
    }

    private static void RemoveFurniture(IHtmlDocument document)
    {
        if (document.DocumentElement is not { } html)
        {
            return;
        }

        var pageParagraphText = ParagraphTextLength(html);
        var pending = new Stack<IElement>();
        pending.Push(html);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            foreach (var child in element.Children.ToArray())
            {
                if (NonTextElements.Contains(child.LocalName) || (IsFurniture(child) && !IsProtected(child, pageParagraphText)))
                {
                    child.Remove();
                }
                else
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool IsFurniture(IElement element)
    {
        var name = element.LocalName;
        if (FurnitureElements.Contains(name))
        {
            // An article's own header holds its headline and byline; only the site header is chrome.
            return name != "header" || element.Closest("article, main") is null;
        }

        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return HasFurnitureWord(element.Id)
            || HasFurnitureWord(element.GetAttribute("class"))
            || HasFurnitureWord(element.GetAttribute("role"))
            || HasFurnitureWord(element.GetAttribute("aria-label"));
    }

    /// <summary>
    /// Furniture markers are guesses; an element that wraps the article or most of the page's paragraphs
    /// (a page-wide ASP.NET form, a body class such as "has-sidebar") is the page, not furniture.
    /// </summary>
    private static bool IsProtected(IElement element, int pageParagraphText) =>
        element.LocalName is "html" or "body"
        || element.QuerySelector("article, main") is not null
        || (pageParagraphText > 0 && ParagraphTextLength(element) * 2 > pageParagraphText);

    private static bool HasFurnitureWord(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }

        var previous = string.Empty;
        foreach (var word in Words(attribute))
        {
            if (FurnitureWords.Contains(word) || (previous == "you" && word == "might"))
            {
                return true;
            }

            previous = word;
        }

        return false;
    }

    /// <summary>Lower-case words of an identifier or label: "cookie-banner", "newsletter_box", "socialShare", "Share this".</summary>
    private static IEnumerable<string> Words(string attribute)
    {
        var word = new StringBuilder();
        for (var i = 0; i <= attribute.Length; i++)
        {
            var c = i < attribute.Length ? attribute[i] : ' ';
            var camelBoundary = char.IsUpper(c) && i > 0 && char.IsLower(attribute[i - 1]);
            if (!char.IsLetterOrDigit(c) || camelBoundary)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }
    }

    private static int ParagraphTextLength(IElement element)
    {
        var total = 0;
        foreach (var paragraph in element.QuerySelectorAll("p"))
        {
            total += paragraph.TextContent.AsSpan().Trim().Length;
        }

        return total;
    }

    private static IElement? ChooseRoot(IHtmlDocument document)
    {
        var article = document.QuerySelectorAll("article")
            .Select(element => (Element: element, Length: element.TextContent.AsSpan().Trim().Length))
            .Where(candidate => candidate.Length > 0)
            .OrderByDescending(candidate => candidate.Length)
            .Select(candidate => candidate.Element)
            .FirstOrDefault();
        if (article is not null)
        {
            return article;
        }

        if (document.QuerySelector("main") is { } main && !string.IsNullOrWhiteSpace(main.TextContent))
        {
            return main;
        }

        // Pages without semantic markup: the container whose own paragraphs carry the most text.
        var scores = new Dictionary<IElement, int>();
        foreach (var paragraph in document.QuerySelectorAll("p"))
        {
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + paragraph.TextContent.AsSpan().Trim().Length;
            }
        }

        var best = scores.Where(score => score.Value > 0).OrderByDescending(score => score.Value).Select(score => score.Key).FirstOrDefault();
        return best ?? (IElement?)document.Body ?? document.DocumentElement;
    }

    private static string TextOf(IElement root)
    {
        var rootLength = CollapseWhitespace(root.TextContent).Length;
        var writer = new ParagraphWriter();
        var pending = new Stack<(INode Node, bool Leaving)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, leaving) = pending.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            var isBlock = BlockElements.Contains(name);
            if (!leaving && isBlock && element != root && IsBoilerplateBlock(element, rootLength))
            {
                continue;
            }

            if (isBlock)
            {
                writer.Break();
            }
            else if (name is "td" or "th")
            {
                writer.Space();
            }

            if (!leaving)
            {
                pending.Push((element, true));
                for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    pending.Push((element.ChildNodes[i], false));
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// A block whose text opens with a "Related articles"-style or cookie phrase, when that phrase is a label
    /// (a short leading block, not the first words of a long sentence such as "Recommended routes were closed ...")
    /// and the block is not the bulk of the report.
    /// </summary>
    private static bool IsBoilerplateBlock(IElement block, int rootLength)
    {
        var lead = LeadText(block, 40);
        int labelLimit;
        if (StartsWithPhrase(lead, CookiePhrases))
        {
            labelLimit = 600;
        }
        else if (StartsWithPhrase(lead, RelatedPhrases))
        {
            labelLimit = 150;
        }
        else
        {
            return false;
        }

        var label = LeadingBlock(block);
        if (CollapseWhitespace(label.TextContent).Length > labelLimit)
        {
            return false;
        }

        return label == block || CollapseWhitespace(block.TextContent).Length * 2 <= rootLength;
    }

    private static bool StartsWithPhrase(string lead, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (lead.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (lead.Length == phrase.Length || !char.IsLetterOrDigit(lead[phrase.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first characters of an element's text, whitespace collapsed, reading no further than needed.</summary>
    private static string LeadText(IElement element, int length)
    {
        var writer = new ParagraphWriter();
        var pending = new Stack<(INode Node, bool Leaving)>();
        pending.Push((element, false));
        while (pending.Count > 0 && writer.PendingLength < length)
        {
            var (node, leaving) = pending.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            // "<h2>Related articles</h2><ul><li>Story" must read as "Related articles Story", not "Related articlesStory".
            if (node is IElement child && BlockElements.Contains(child.LocalName))
            {
                writer.Space();
            }

            if (!leaving)
            {
                pending.Push((node, true));
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    pending.Push((node.ChildNodes[i], false));
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>The innermost block that opens this one: for &lt;section&gt;&lt;h2&gt;Related articles&lt;/h2&gt;&lt;ul&gt;..., the h2.</summary>
    private static IElement LeadingBlock(IElement block)
    {
        var current = block;
        while (true)
        {
            var first = current.ChildNodes.FirstOrDefault(node => !string.IsNullOrWhiteSpace(node.TextContent));
            if (first is IElement child && BlockElements.Contains(child.LocalName))
            {
                current = child;
                continue;
            }

            return current;
        }
    }

    /// <summary>Accumulates text into paragraphs: whitespace runs become one space, breaks end the paragraph.</summary>
    private sealed class ParagraphWriter
    {
        private readonly List<string> _paragraphs = [];
        private readonly StringBuilder _current = new();
        private bool _pendingSpace;

        public int PendingLength => _current.Length;

        public void Text(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = _current.Length > 0;
                    continue;
                }

                if (_pendingSpace)
                {
                    _current.Append(' ');
                    _pendingSpace = false;
                }

                _current.Append(c);
            }
        }

        public void Space() => _pendingSpace = _current.Length > 0;

        public void Break()
        {
            if (_current.Length > 0)
            {
                _paragraphs.Add(_current.ToString());
                _current.Clear();
            }

            _pendingSpace = false;
        }

        public override string ToString()
        {
            Break();
            return string.Join("\n\n", _paragraphs);
        }
    }
}
