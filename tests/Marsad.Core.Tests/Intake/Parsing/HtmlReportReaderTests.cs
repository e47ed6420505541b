using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

public class HtmlReportReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Water station repaired in the valley | Example Monitor</title>
          <meta property="og:site_name" content="Example Monitor">
          <link rel="canonical" href="https://example.org/reports/water-station">
          <script>var tracker = "SCRIPTTEXT";</script>
          <style>.x { color: red; } STYLETEXT</style>
        </head>
        <body>
          <div id="cookie-banner"><p>Cookie consent BANNERTEXT, accept all.</p><button>Accept</button></div>
          <div class="notice"><p>This website uses cookies to improve UNMARKEDCOOKIE your experience.</p></div>
          <header class="site-header"><a href="/">Example Monitor</a> HEADERTEXT</header>
          <nav><ul><li><a href="/">Home</a></li><li>NAVTEXT</li></ul></nav>
          <main>
            <article>
              <header><h1>Water station repaired</h1><time datetime="2024-03-05T22:15:00-05:00">5 March</time></header>
              <p>Engineers restored   the pumping station on Tuesday,
                 a local council said.</p>
              <div class="social-share">Share on SHARETEXT</div>
              <p>Residents said supply resumed in <b>three</b> districts &amp; the old market.<br>A second line follows.</p>
              <ul><li>First point</li><li>Second point</li></ul>
              <p>Read more: SHORTREADMORE</p>
              <p>Recommended evacuation routes were reopened after the repair, officials added, and traffic returned to normal across the valley by the evening of the same day.</p>
              <section><h2>You might also like</h2><ul><li><a href="/a">RELATEDONE</a></li><li><a href="/b">RELATEDTWO</a></li></ul></section>
            </article>
            <aside>ASIDETEXT</aside>
          </main>
          <div class="newsletter-box"><p>Subscribe NEWSLETTERTEXT</p></div>
          <footer>FOOTERTEXT</footer>
          <script>document.write("LATESCRIPT")</script>
          <noscript>NOSCRIPTTEXT</noscript>
        </body>
        </html>
        """;

    [Fact]
    public void Article_text_keeps_paragraphs_and_drops_furniture()
    {
        var report = HtmlReportReader.Read(Page);

        Assert.Equal(
            "Water station repaired\n\n5 March\n\n"
            + "Engineers restored the pumping station on Tuesday, a local council said.\n\n"
            + "Residents said supply resumed in three districts & the old market.\n\n"
            + "A second line follows.\n\n"
            + "First point\n\nSecond point\n\n"
            + "Recommended evacuation routes were reopened after the repair, officials added, and traffic returned to normal across the valley by the evening of the same day.",
            report.Text);
        foreach (var furniture in (string[])["SCRIPTTEXT", "STYLETEXT", "BANNERTEXT", "UNMARKEDCOOKIE", "HEADERTEXT", "NAVTEXT", "SHARETEXT", "SHORTREADMORE", "RELATEDONE", "RELATEDTWO", "ASIDETEXT", "NEWSLETTERTEXT", "FOOTERTEXT", "LATESCRIPT", "NOSCRIPTTEXT", "You might also like"])
        {
            Assert.DoesNotContain(furniture, report.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Metadata_comes_from_head()
    {
        var report = HtmlReportReader.Read(Page);

        Assert.Equal("Water station repaired in the valley", report.Title);
        Assert.Equal("Example Monitor", report.SourceName);
        Assert.Equal("https://example.org/reports/water-station", report.Url);
        Assert.Equal("text/html", report.MediaType);

        // The date as written: 22:15 at UTC-5 is already the 6th in UTC, but the publisher's day is the 5th.
        Assert.Equal(new DateOnly(2024, 3, 5), report.Published);
    }

    [Theory]
    [InlineData("Headline | Site", "Headline")]
    [InlineData("Headline | Section | Site", "Headline")]
    [InlineData("Headline • Site", "Headline")]
    [InlineData("Cease-fire holds - for now - Site", "Cease-fire holds - for now")]
    [InlineData("Plain headline", "Plain headline")]
    public void Title_suffix_is_removed(string title, string expected) =>
        Assert.Equal(expected, HtmlReportReader.Read($"<html><head><title>{title}</title></head><body><p>x</p></body></html>").Title);

    [Fact]
    public void Og_title_wins_over_title_element()
    {
        var report = HtmlReportReader.Read("<html><head><meta property=\"og:title\" content=\"From OG\"><title>From title | Site</title></head><body><h1>From h1</h1></body></html>");
        Assert.Equal("From OG", report.Title);
    }

    [Fact]
    public void First_h1_is_title_without_meta_or_title_element() =>
        Assert.Equal("From h1", HtmlReportReader.Read("<html><body><h1>From  h1</h1><h1>Second</h1><p>x</p></body></html>").Title);

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2024-01-02T03:04:05Z\">")]
    [InlineData("<meta property=\"og:datePublished\" content=\"2024-01-02\">")]
    [InlineData("<meta itemprop=\"datePublished\" content=\"2024-01-02T10:00:00+03:00\">")]
    [InlineData("<meta name=\"date\" content=\"2024-01-02\">")]
    [InlineData("<meta name=\"pubdate\" content=\"2024-01-02T23:59:00-08:00\">")]
    [InlineData("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-01-02T08:00:00Z\"}]}</script>")]
    public void Published_date_from_each_form(string head)
    {
        var report = HtmlReportReader.Read($"<html><head>{head}</head><body><article><p>Text.</p></article></body></html>");
        Assert.Equal(new DateOnly(2024, 1, 2), report.Published);
    }

    [Fact]
    public void Published_date_from_time_element_prefers_the_article()
    {
        var html = "<html><body><div class=\"top\"><time datetime=\"2030-12-31\">today</time></div><article><time datetime=\"2024-01-02\">2 Jan</time><p>Text.</p></article></body></html>";
        Assert.Equal(new DateOnly(2024, 1, 2), HtmlReportReader.Read(html).Published);
    }

    [Fact]
    public void Meta_wins_over_time_element_and_broken_json_ld_is_ignored()
    {
        var html = "<html><head><script type=\"application/ld+json\">{ broken</script><meta name=\"date\" content=\"2024-01-02\"></head><body><time datetime=\"2023-05-05\">x</time><p>Text.</p></body></html>";
        Assert.Equal(new DateOnly(2024, 1, 2), HtmlReportReader.Read(html).Published);
    }

    [Fact]
    public void Unparseable_dates_leave_published_null() =>
        Assert.Null(HtmlReportReader.Read("<html><head><meta name=\"date\" content=\"soon\"></head><body><p>Text.</p></body></html>").Published);

    [Fact]
    public void Without_article_or_main_the_element_with_most_paragraph_text_is_used()
    {
        var html = """
            <html><body>
              <div class="top"><p>Short teaser TEASER.</p></div>
              <div class="story"><p>The first paragraph of the story is long enough to win.</p><p>The second paragraph too.</p></div>
              <div class="bottom"><p>Tail TAIL.</p></div>
            </body></html>
            """;

        var report = HtmlReportReader.Read(html);

        Assert.Equal("The first paragraph of the story is long enough to win.\n\nThe second paragraph too.", report.Text);
        Assert.Null(report.Title);
        Assert.Null(report.Published);
        Assert.Null(report.SourceName);
        Assert.Null(report.Url);
    }

    [Fact]
    public void Page_wide_form_and_body_classes_do_not_hide_the_report()
    {
        var html = "<html><body class=\"has-sidebar menu-closed\"><form id=\"aspnetForm\"><div><p>Only content of this page, long enough to be the bulk.</p></div><div class=\"menu\">MENU</div></form></body></html>";

        Assert.Equal("Only content of this page, long enough to be the bulk.", HtmlReportReader.Read(html).Text);
    }

    [Fact]
    public void Og_url_is_used_without_canonical_link() =>
        Assert.Equal("https://example.org/x", HtmlReportReader.Read("<html><head><meta property=\"og:url\" content=\"https://example.org/x\"></head><body><p>x</p></body></html>").Url);

    [Fact]
    public void Table_rows_are_paragraphs_and_cells_are_spaced() =>
        Assert.Equal("Town Killed\n\nNorth 3", HtmlReportReader.Read("<html><body><main><table><tr><th>Town</th><th>Killed</th></tr><tr><td>North</td><td>3</td></tr></table></main></body></html>").Text);
}
