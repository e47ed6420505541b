using Marsad.Core.Intake.Parsing;

namespace Marsad.Core.Tests.Intake.Parsing;

public class PlainTextReaderTests
{
    [Fact]
    public void Front_matter_fills_fields_and_is_removed_from_text()
    {
        var input = "---\nTitle: Shelling near the river\nPUBLISHED: 2024-03-05\nsource: Example Monitor\nurl: https://example.org/r/1\nauthor: ignored\n---\nFirst paragraph.\n\nSecond paragraph.\n";

        var report = PlainTextReader.Read(input, "text/plain");

        Assert.Equal("Shelling near the river", report.Title);
        Assert.Equal(new DateOnly(2024, 3, 5), report.Published);
        Assert.Equal("Example Monitor", report.SourceName);
        Assert.Equal("https://example.org/r/1", report.Url);
        Assert.Equal("text/plain", report.MediaType);
        Assert.Equal("First paragraph.\n\nSecond paragraph.\n", report.Text);
        Assert.DoesNotContain("ignored", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_with_crlf_and_quotes()
    {
        var report = PlainTextReader.Read("---\r\ntitle: \"Quoted: title\"\r\n---\r\nBody.", "text/plain");

        Assert.Equal("Quoted: title", report.Title);
        Assert.Equal("Body.", report.Text);
    }

    [Fact]
    public void Without_front_matter_plain_text_has_no_title()
    {
        var report = PlainTextReader.Read("# Not a title in plain text\nBody.", "text/plain");

        Assert.Null(report.Title);
        Assert.Null(report.Published);
        Assert.Null(report.SourceName);
        Assert.Null(report.Url);
        Assert.Equal("# Not a title in plain text\nBody.", report.Text);
    }

    [Fact]
    public void Markdown_title_is_first_h1_heading()
    {
        var input = "Intro line.\n\n```\n# not a heading inside code\n```\n## Subheading\n# Convoy sighted on the highway ##\n\nBody.";

        var report = PlainTextReader.Read(input, "text/markdown");

        Assert.Equal("Convoy sighted on the highway", report.Title);
        Assert.Equal("text/markdown", report.MediaType);
        Assert.Equal(input, report.Text);
    }

    [Fact]
    public void Markdown_front_matter_title_wins_over_heading()
    {
        var report = PlainTextReader.Read("---\ntitle: From front matter\n---\n# From heading\nBody.", "text/markdown");

        Assert.Equal("From front matter", report.Title);
        Assert.Equal("# From heading\nBody.", report.Text);
    }

    [Fact]
    public void Markdown_rule_at_top_is_not_front_matter()
    {
        var input = "---\n# A heading between rules\n---\nBody.";

        var report = PlainTextReader.Read(input, "text/markdown");

        Assert.Equal("A heading between rules", report.Title);
        Assert.Equal(input, report.Text);
    }

    [Fact]
    public void Unclosed_front_matter_is_text()
    {
        var input = "---\ntitle: never closed\nBody.";

        var report = PlainTextReader.Read(input, "text/plain");

        Assert.Null(report.Title);
        Assert.Equal(input, report.Text);
    }

    [Theory]
    [InlineData("05/03/2024")]
    [InlineData("2024-02-30")]
    [InlineData("2024-3-5")]
    public void Bad_published_date_throws(string value)
    {
        var ex = Assert.Throws<IntakeFormatException>(() => PlainTextReader.Read($"---\npublished: {value}\n---\nBody.", "text/plain"));
        Assert.Equal($"front matter: 'published' is not a date (YYYY-MM-DD): {value}", ex.Message);
    }

    [Fact]
    public void Unsupported_media_type_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => PlainTextReader.Read("x", "text/html"));
}
