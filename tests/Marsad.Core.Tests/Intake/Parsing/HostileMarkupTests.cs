using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

/// <summary>Markup nested far past any report's depth is refused by name before a tree is built (it used to hold ingest for minutes).</summary>
public sealed class HostileMarkupTests
{
    public static TheoryData<string> DeepHtml => new()
    {
        "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Shelling hit Ariha." + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>",
        "<html><body>" + string.Concat(Enumerable.Repeat("<b><i>", 150_000)) + "Shelling hit Ariha.</body></html>",
    };

    [Theory]
    [MemberData(nameof(DeepHtml))]
    public void Deeply_nested_html_is_refused_with_the_limit_named(string html)
    {
        var refused = Assert.Throws<IntakeFormatException>(() => HtmlReportReader.Read(html));
        Assert.Contains("nested deeper than 1000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sloppy_html_with_thousands_of_unclosed_paragraphs_and_cells_is_still_read()
    {
        var html = "<html><body><table>" + string.Concat(Enumerable.Repeat("<tr><td>Shelling hit Ariha.<p>More shelling.", 5_000)) + "</body></html>";
        Assert.Contains("Shelling hit Ariha.", HtmlReportReader.Read(html).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_3_MB_run_of_unclosed_table_cells_is_refused_with_the_element_limit_named()
    {
        var html = System.Text.Encoding.UTF8.GetString(Marsad.Tests.Support.HostileInputs.Named("unclosed-table-3MB").Bytes());
        var refused = Assert.Throws<IntakeFormatException>(() => HtmlReportReader.Read(html));
        Assert.Contains("more than 200000 elements", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_item_with_200k_nested_elements_is_refused_with_the_limit_named()
    {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>"
            + string.Concat(Enumerable.Repeat("<a>", 200_000)) + string.Concat(Enumerable.Repeat("</a>", 200_000)) + "</description></item></channel></rss>";
        var refused = Assert.Throws<IntakeFormatException>(() => FeedReader.Read(xml));
        Assert.Contains("nested deeper than 1000", refused.Message, StringComparison.Ordinal);
    }
}
