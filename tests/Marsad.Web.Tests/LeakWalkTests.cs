using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Reports;

namespace Marsad.Web.Tests;

/// <summary>
/// The leak walk: every route the OpenAPI document declares, as every role, with every format and query
/// parameter it declares (text search included), and the public monthly report in every format, looked through
/// for the planted confidential source name (in any spelling) and the planted sensitive person values.
/// </summary>
[Collection(LeakSiteCollection.Name)]
public sealed class LeakWalkTests(LeakSite site)
{

    [Fact]
    public async Task No_route_role_format_or_query_parameter_gives_a_planted_secret_to_a_role_that_may_not_read_it()
    {
        var walk = await LeakWalk.RunAsync(site, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"leak walk: {walk.Routes} routes x {walk.Roles} roles, {walk.Variants} format/parameter variants, {walk.Requests} requests, {walk.Leaks.Count} leaks");
        Assert.Empty(walk.Unwalked);
        Assert.Empty(walk.Leaks);
        Assert.True(walk.Routes >= 14, $"only {walk.Routes} routes in the OpenAPI document");
        // The control: the editor's answers do hold every planted string, so the walk can see a leak when there is one.
        Assert.Equal(LeakWalk.Planted.Order(StringComparer.Ordinal), walk.SeenByEditor.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_cli_command_format_or_role_prints_a_planted_secret_to_a_role_that_may_not_read_it()
    {
        var walk = await CliLeakWalk.RunAsync(site, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"CLI leak walk: {walk.Commands} commands, {walk.Leaks.Count} leaks");
        Assert.Empty(walk.Leaks);
        // The control: the editor's output holds every planted string.
        Assert.Equal(LeakWalk.Planted.Order(StringComparer.Ordinal), walk.SeenByEditor.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_text_filter_answers_the_public_the_same_for_a_confidential_name_and_its_prefixes_as_for_random_strings()
    {
        var (routes, _, differing) = await LeakWalk.TextOracleAsync(site, TestContext.Current.CancellationToken);

        Assert.Contains(routes, r => r.TrimEnd('/') == "/api/events");
        Assert.Contains(routes, r => r.TrimEnd('/') == "/api/persons/filtered");
        Assert.Empty(differing);
    }

    [Fact]
    public async Task Text_search_answers_the_public_the_same_for_a_confidential_name_and_its_prefixes_as_for_random_strings()
    {
        using var client = site.Site.Client();
        var random = new Random(14);
        for (var length = 4; length <= LeakSite.Secret.Length; length++)
        {
            var probe = await BodyAsync(client, LeakSite.Secret[..length]);
            for (var i = 0; i < 20; i++)
            {
                var noise = new string([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(26)))]);
                Assert.Equal(await BodyAsync(client, noise), probe);
            }
        }

        // The editor's search does find the name: the public's answer differs because of the policy, not a broken search.
        using var editor = site.Site.Client(site.Site.Tokens[Role.Editor]);
        Assert.NotEqual(await BodyAsync(editor, "zzzzqqqq"), await BodyAsync(editor, LeakSite.Secret));
    }

    [Fact]
    public async Task The_public_monthly_report_in_every_format_holds_no_planted_secret_and_the_internal_one_says_so()
    {
        var month = new ReportMonth(2023, 3);
        var report = await new BuildMonthlyReport(site.Site.Store, TimeProvider.System).RunAsync(new ReportRequest(month));
        var markdown = MarkdownReport.Render(report);
        var html = HtmlReport.Render(report, "", "");
        Assert.Empty(LeakWalk.Leaks(markdown, Role.Public));
        Assert.Empty(LeakWalk.Leaks(html, Role.Public));
        Assert.NotEmpty(report.Events);
        Assert.DoesNotContain("Internal", report.Title, StringComparison.Ordinal);

        var internalReport = await new BuildMonthlyReport(site.Site.Store, TimeProvider.System).RunAsync(new ReportRequest(month) { Role = Role.Editor });
        Assert.StartsWith("Internal", internalReport.Title, StringComparison.Ordinal);
        Assert.Contains("not for publication", internalReport.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_monthly_report_pdf_read_back_as_text_holds_no_planted_secret_and_no_unpublished_title()
    {
        var month = new ReportMonth(2023, 3);
        var report = await new BuildMonthlyReport(site.Site.Store, TimeProvider.System).RunAsync(new ReportRequest(month));
        var text = PdfText(report);

        Assert.Empty(LeakWalk.Leaks(text, Role.Public));
        // The confidential source's own document is not named by its title either (a title can give the source away).
        Assert.DoesNotContain("Raid near Saraqib", text, StringComparison.OrdinalIgnoreCase);
        // The control: the text is readable, and the editor's internal PDF does hold what the public's must not.
        Assert.Contains("events", text, StringComparison.OrdinalIgnoreCase);
        var internalText = PdfText(await new BuildMonthlyReport(site.Site.Store, TimeProvider.System).RunAsync(new ReportRequest(month) { Role = Role.Editor }));
        Assert.Contains(LeakSite.UnpublishedTitles[1], internalText, StringComparison.Ordinal);
        Assert.NotEmpty(LeakWalk.Leaks(internalText, Role.Public));
    }

    /// <summary>The report written as the PDF <c>marsad report --format pdf</c> writes, and its text as a reader's PDF tool extracts it.</summary>
    private static string PdfText(MonthlyReport report)
    {
        using var pdf = new MemoryStream();
        PdfReport.Write(pdf, report, ReportChart.Png(report.Chart), ReportMap.Png(report.MapPoints, []));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf.ToArray());
        return string.Join("\n", document.GetPages().Select(page => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(page)));
    }

    private static async Task<string> BodyAsync(HttpClient client, string text) =>
        await client.GetStringAsync(new Uri("/api/events?limit=1000&text=" + Uri.EscapeDataString(text), UriKind.Relative));
}
