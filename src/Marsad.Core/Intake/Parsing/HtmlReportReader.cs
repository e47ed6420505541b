using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Marsad.Core.Intake.Parsing;

/// <summary>Reads a scraped web page as one report.</summary>
public static class HtmlReportReader
{
    private static readonly string[] PublishedMetaKeys =
    [
        "article:published_time",
        "og:published_time", "og:datepublished", "datepublished",
        "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.issued",
    ];

    private static readonly JsonDocumentOptions JsonLdOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>
    /// A scraped web page as its report. Title: og:title, else &lt;title&gt; without a " | Site", " • Site" or " - Site" suffix, else the first &lt;h1&gt;.
    /// Published: article:published_time, og/itemprop datePublished, meta date/pubdate, the first &lt;time datetime&gt; (the article's before the page's),
    /// JSON-LD datePublished; the date as written, not converted to another zone. SourceName: og:site_name. Url: link rel=canonical, else og:url.
    /// Text: the article (else main, else the element with most paragraph text, else body) without scripts, navigation, banners and other furniture,
    /// one paragraph per block element, entities decoded; not yet normalised.
    /// </summary>
    public static ParsedReport Read(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        MarkupLimits.CheckHtml(html);

        using var document = HtmlTextExtractor.Parse(html);

        // Metadata first: furniture removal drops the scripts that carry JSON-LD and the headers that carry dates.
        var meta = MetaValues(document);
        var title = Title(document, meta);
        var published = Published(document, meta);
        var sourceName = Clean(meta.GetValueOrDefault("og:site_name"));
        var url = Clean(document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href")) ?? Clean(meta.GetValueOrDefault("og:url"));

        var text = HtmlTextExtractor.PageText(document);
        return new ParsedReport(title, text, published, sourceName, url, MediaTypes.Html);
    }

    /// <summary>meta content by lower-case property, name or itemprop; the first of each key wins, as browsers and crawlers do.</summary>
    private static Dictionary<string, string> MetaValues(IHtmlDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            foreach (var attribute in (string[])["property", "name", "itemprop"])
            {
                var key = meta.GetAttribute(attribute);
                if (!string.IsNullOrWhiteSpace(key))
                {
                    values.TryAdd(key.Trim().ToLowerInvariant(), content.Trim());
                }
            }
        }

        return values;
    }

    private static string? Title(IHtmlDocument document, Dictionary<string, string> meta)
    {
        if (Clean(meta.GetValueOrDefault("og:title")) is { } ogTitle)
        {
            return ogTitle;
        }

        if (Clean(document.QuerySelector("title")?.TextContent) is { } pageTitle)
        {
            return WithoutSiteSuffix(pageTitle);
        }

        return Clean(document.QuerySelector("h1")?.TextContent);
    }

    /// <summary>
    /// "Headline | Section | Site" and "Headline • Site" keep what precedes the first separator;
    /// " - " is cut at its last occurrence only, because headlines use hyphens themselves.
    /// </summary>
    internal static string WithoutSiteSuffix(string title)
    {
        foreach (var separator in (string[])[" | ", " • "])
        {
            var index = title.IndexOf(separator, StringComparison.Ordinal);
            if (index > 0)
            {
                return title[..index].TrimEnd();
            }
        }

        var dash = title.LastIndexOf(" - ", StringComparison.Ordinal);
        return dash > 0 ? title[..dash].TrimEnd() : title;
    }

    private static DateOnly? Published(IHtmlDocument document, Dictionary<string, string> meta)
    {
        foreach (var key in PublishedMetaKeys)
        {
            if (ReportDates.ParseIsoOrLoose(meta.GetValueOrDefault(key)) is { } fromMeta)
            {
                return fromMeta;
            }

            if (key == "datepublished" && ItempropDate(document) is { } fromMicrodata)
            {
                return fromMicrodata;
            }
        }

        // A page header often shows today's date in a <time>; the article's own is the better witness.
        var time = document.QuerySelector("article time[datetime], main time[datetime]") ?? document.QuerySelector("time[datetime]");
        if (ReportDates.ParseIsoOrLoose(time?.GetAttribute("datetime")) is { } fromTime)
        {
            return fromTime;
        }

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (JsonLdDatePublished(script.TextContent) is { } fromJsonLd)
            {
                return fromJsonLd;
            }
        }

        return null;
    }

    private static DateOnly? ItempropDate(IHtmlDocument document)
    {
        // Microdata puts the value in content or datetime, or else in the element's text.
        foreach (var element in document.QuerySelectorAll("[itemprop='datePublished']"))
        {
            var value = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
            if (ReportDates.ParseIsoOrLoose(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? JsonLdDatePublished(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json, JsonLdOptions);
            return FindDatePublished(parsed.RootElement);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common on real pages and is only one of several witnesses.
            return null;
        }
    }

    private static DateOnly? FindDatePublished(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("datePublished", out var value)
                    && value.ValueKind == JsonValueKind.String
                    && ReportDates.ParseIsoOrLoose(value.GetString()) is { } date)
                {
                    return date;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindDatePublished(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindDatePublished(item) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var collapsed = HtmlTextExtractor.CollapseWhitespace(value);
        return collapsed.Length == 0 ? null : collapsed;
    }
}
