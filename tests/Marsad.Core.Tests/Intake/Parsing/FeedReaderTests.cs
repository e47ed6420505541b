using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

public class FeedReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- a sample feed written for the tests -->
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Example Monitor</title>
            <link>https://example.org/</link>
            <item>
              <title>Checkpoint opened</title>
              <link>https://example.org/r/1</link>
              <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
              <description>A checkpoint opened in the north.
        Traffic resumed.</description>
              <dc:creator>Field team</dc:creator>
            </item>
            <item>
              <title>Market &amp; bridge</title>
              <guid>https://example.org/r/2</guid>
              <pubDate>6 Mar 24 08:00 GMT</pubDate>
              <description>short summary</description>
              <content:encoded><![CDATA[<p>Full <b>body</b> one.</p><p>Body two &amp; more.</p><script>SCRIPTTEXT</script><p>Read more SHOULDGO</p>]]></content:encoded>
            </item>
            <item>
              <title>Curfew lifted</title>
              <link>https://example.org/r/3</link>
              <pubDate>Thu, 07 Mar 2024 10:00 EST</pubDate>
              <description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; body.&lt;/p&gt;&lt;div class="share"&gt;SHARETEXT&lt;/div&gt;</description>
            </item>
            <item>
              <title>Title only, skipped</title>
              <description>   </description>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Example Atom Monitor</title>
          <entry>
            <title>Shelter opened</title>
            <link rel="edit" href="https://example.org/edit/1"/>
            <link rel="alternate" href="https://example.org/a/1"/>
            <published>2024-04-01T23:00:00-04:00</published>
            <updated>2024-04-03T00:00:00Z</updated>
            <summary>summary ignored</summary>
            <content type="html">&lt;p&gt;First.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title type="html">Road &lt;i&gt;closed&lt;/i&gt;</title>
            <link href="https://example.org/a/2"/>
            <updated>2024-04-02T12:00:00Z</updated>
            <summary>Plain summary.</summary>
          </entry>
          <entry>
            <title>Inline markup</title>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X one.</p><p>X two.</p></div></content>
          </entry>
        </feed>
        """;

    [Fact]
    public void Reads_rss_items()
    {
        var reports = FeedReader.Read(Rss);

        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal("application/rss+xml", r.MediaType));
        Assert.All(reports, r => Assert.Equal("Example Monitor", r.SourceName));

        Assert.Equal("Checkpoint opened", reports[0].Title);
        Assert.Equal("https://example.org/r/1", reports[0].Url);
        Assert.Equal(new DateOnly(2024, 3, 5), reports[0].Published);
        Assert.Equal("A checkpoint opened in the north.\nTraffic resumed.", reports[0].Text);

        Assert.Equal("Market & bridge", reports[1].Title);
        Assert.Equal("https://example.org/r/2", reports[1].Url);
        Assert.Equal(new DateOnly(2024, 3, 6), reports[1].Published);

        Assert.Equal("Curfew lifted", reports[2].Title);
        Assert.Equal(new DateOnly(2024, 3, 7), reports[2].Published);
    }

    [Fact]
    public void Html_in_item_bodies_is_reduced_to_text()
    {
        var reports = FeedReader.Read(Rss);

        Assert.Equal("Full body one.\n\nBody two & more.", reports[1].Text);
        Assert.Equal("Escaped HTML body.", reports[2].Text);
    }

    [Fact]
    public void Creator_is_source_when_channel_has_no_title()
    {
        var xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><item><description>Body.</description><dc:creator>Field team</dc:creator></item></channel></rss>";
        Assert.Equal("Field team", FeedReader.Read(xml)[0].SourceName);
    }

    [Fact]
    public void Reads_atom_entries()
    {
        var reports = FeedReader.Read(Atom);

        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal("application/atom+xml", r.MediaType));
        Assert.All(reports, r => Assert.Equal("Example Atom Monitor", r.SourceName));

        Assert.Equal("Shelter opened", reports[0].Title);
        Assert.Equal("https://example.org/a/1", reports[0].Url);
        Assert.Equal(new DateOnly(2024, 4, 1), reports[0].Published);
        Assert.Equal("First.\n\nSecond.", reports[0].Text);

        Assert.Equal("Road closed", reports[1].Title);
        Assert.Equal("https://example.org/a/2", reports[1].Url);
        Assert.Equal(new DateOnly(2024, 4, 2), reports[1].Published);
        Assert.Equal("Plain summary.", reports[1].Text);

        Assert.Equal("X one.\n\nX two.", reports[2].Text);
        Assert.Null(reports[2].Url);
        Assert.Null(reports[2].Published);
    }

    [Fact]
    public void Truncated_xml_is_malformed()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => FeedReader.Read("<rss version=\"2.0\">\n<channel>\n<item><title>x"));
        Assert.StartsWith("malformed feed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(line 3, position", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Entity_expansion_attempt_is_refused_not_expanded()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            ]>
            <rss version="2.0"><channel><item><description>&c;</description></item></channel></rss>
            """;

        var ex = Assert.Throws<IntakeFormatException>(() => FeedReader.Read(xml));
        Assert.StartsWith("malformed feed: a DTD is not accepted", ex.Message, StringComparison.Ordinal);
        Assert.True(FeedReader.LooksLikeFeed(xml));
    }

    [Fact]
    public void External_entity_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><description>&x;</description></item></channel></rss>";
        Assert.Throws<IntakeFormatException>(() => FeedReader.Read(xml));
    }

    [Fact]
    public void Wrong_root_is_not_a_feed()
    {
        var ex = Assert.Throws<IntakeFormatException>(() => FeedReader.Read("<?xml version=\"1.0\"?><html><body/></html>"));
        Assert.Equal("not an RSS 2.0 or Atom feed: root element <html>", ex.Message);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>")]
    [InlineData("<rss version=\"2.0\"/>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>")]
    public void Feed_without_items_throws(string xml)
    {
        var ex = Assert.Throws<IntakeFormatException>(() => FeedReader.Read(xml));
        Assert.Equal("feed has no items", ex.Message);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2024 10:00:00 GMT")]
    [InlineData("Tue, 05 Foo 2024 10:00:00 GMT")]
    [InlineData("Tue, 05 Mar 2024 25:00:00 GMT")]
    public void Bad_pub_date_leaves_published_null(string pubDate)
    {
        var xml = $"<rss version=\"2.0\"><channel><item><pubDate>{pubDate}</pubDate><description>Body.</description></item></channel></rss>";
        var report = Assert.Single(FeedReader.Read(xml));
        Assert.Null(report.Published);
        Assert.Equal("Body.", report.Text);
    }

    [Theory]
    [InlineData("Tue, 05 Mar 2024 10:00:00 +0300")]
    [InlineData("05 Mar 2024 10:00 Z")]
    [InlineData("5 March 2024 10:00:00 CET")]
    [InlineData("2024-03-05T10:00:00+03:00")]
    public void Pub_date_forms(string pubDate)
    {
        var xml = $"<rss version=\"2.0\"><channel><item><pubDate>{pubDate}</pubDate><description>Body.</description></item></channel></rss>";
        Assert.Equal(new DateOnly(2024, 3, 5), Assert.Single(FeedReader.Read(xml)).Published);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", true)]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<!-- comment -->\n  <feed xmlns=\"http://www.w3.org/2005/Atom\">", true)]
    [InlineData("<?xml version=\"1.0\"?><html></html>", false)]
    [InlineData("<!DOCTYPE html><html><body><p>x</p></body></html>", false)]
    [InlineData("Just a plain report about <rss> feeds.", false)]
    [InlineData("", false)]
    public void Looks_like_feed(string text, bool expected) => Assert.Equal(expected, FeedReader.LooksLikeFeed(text));
}
