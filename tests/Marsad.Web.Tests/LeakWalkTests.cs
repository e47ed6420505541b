using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Analytics;
using Marsad.Core.Reports;
using Marsad.Domain.Common;
using Marsad.Web.Tests.Support;

namespace Marsad.Web.Tests;

/// <summary>
/// The leak walk: every route the OpenAPI document declares, as every role, with every format and query
/// parameter it declares (text search included), and the public monthly report in every format, looked through
/// for the planted confidential source name (in any spelling) and the planted sensitive person values.
/// </summary>
[Collection(LeakSiteCollection.Name)]
public sealed class LeakWalkTests(LeakSite site)
{
    private static readonly Role[] Roles = [Role.Public, Role.Viewer, Role.Coder, Role.Editor, Role.Admin];

    private static readonly string[] Planted = [LeakSite.Secret, .. LeakSite.PersonSecrets, .. LeakSite.UnpublishedTitles];

    [Fact]
    public async Task No_route_role_format_or_query_parameter_gives_a_planted_secret_to_a_role_that_may_not_read_it()
    {
        var walk = await WalkAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"leak walk: {walk.Routes} routes x {Roles.Length} roles, {walk.Variants} format/parameter variants, {walk.Requests} requests, {walk.Leaks.Count} leaks");
        Assert.Empty(walk.Unwalked);
        Assert.Empty(walk.Leaks);
        Assert.True(walk.Routes >= 14, $"only {walk.Routes} routes in the OpenAPI document");
        // The control: the editor's answers do hold every planted string, so the walk can see a leak when there is one.
        Assert.Equal(Planted.Order(StringComparer.Ordinal), walk.SeenByEditor.Order(StringComparer.Ordinal));
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
        Assert.Empty(Leaks(markdown, Role.Public));
        Assert.Empty(Leaks(html, Role.Public));
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

        Assert.Empty(Leaks(text, Role.Public));
        // The confidential source's own document is not named by its title either (a title can give the source away).
        Assert.DoesNotContain("Raid near Saraqib", text, StringComparison.OrdinalIgnoreCase);
        // The control: the text is readable, and the editor's internal PDF does hold what the public's must not.
        Assert.Contains("events", text, StringComparison.OrdinalIgnoreCase);
        var internalText = PdfText(await new BuildMonthlyReport(site.Site.Store, TimeProvider.System).RunAsync(new ReportRequest(month) { Role = Role.Editor }));
        Assert.Contains(LeakSite.UnpublishedTitles[1], internalText, StringComparison.Ordinal);
        Assert.NotEmpty(Leaks(internalText, Role.Public));
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

    private sealed record Walk(int Routes, int Variants, int Requests, List<string> Leaks, List<string> Unwalked, HashSet<string> SeenByEditor);

    private async Task<Walk> WalkAsync()
    {
        using var anonymous = site.Site.Client();
        using var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var clients = Roles.ToDictionary(r => r, r => r == Role.Public ? site.Site.Client() : site.Site.Client(site.Site.Tokens[r]));
        var leaks = new List<string>();
        var unwalked = new List<string>();
        var seenByEditor = new HashSet<string>(StringComparer.Ordinal);
        int routes = 0, variants = 0, requests = 0;
        // Signing out ends the account's sessions and tokens: walked last, and the tokens made anew after.
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path, operation)))
            .OrderBy(o => o.path.Name.Contains("signout", StringComparison.Ordinal)).ToList();
        foreach (var (path, operation) in operations)
        {
            {
                routes++;
                var method = operation.Name.ToUpperInvariant();
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? [.. p.EnumerateArray()] : new List<JsonElement>();
                var pathNames = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
                if (pathNames.Any(n => n != "id"))
                {
                    unwalked.Add($"{method} {path.Name}: no values for path parameters {string.Join(", ", pathNames)}");
                    continue;
                }

                var urls = pathNames.Count == 0 ? [path.Name] : site.Ids.Select(id => path.Name.Replace("{id}", id.ToString("D"), StringComparison.Ordinal)).ToList();
                var queries = new List<string> { "" };
                foreach (var q in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
                {
                    var name = q.GetProperty("name").GetString()!;
                    queries.AddRange(Values(q).Select(v => $"{name}={Uri.EscapeDataString(v)}"));
                    if (name == "format")
                    {
                        // Every format with a text search for the secret too.
                        queries.AddRange(Values(q).Select(v => $"format={v}&text={Uri.EscapeDataString(LeakSite.Secret)}"));
                    }
                }

                variants += queries.Count;
                foreach (var role in Roles)
                {
                    foreach (var url in urls)
                    {
                        foreach (var query in queries)
                        {
                            var target = new Uri(url + (query.Length > 0 ? "?" + query : ""), UriKind.Relative);
                            using var request = new HttpRequestMessage(new HttpMethod(method), target);
                            if (method != "GET")
                            {
                                request.Content = JsonContent.Create(new { });
                            }

                            using var response = await clients[role].SendAsync(request, TestContext.Current.CancellationToken);
                            requests++;
                            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                            if (role != Role.Public && response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                            {
                                unwalked.Add($"{RoleNames.Name(role)} {method} {target}: the credentials were refused, so the role was not walked");
                            }

                            leaks.AddRange(Leaks(body, role).Select(l => $"{RoleNames.Name(role)} {method} {target}: {l}"));
                            if (role == Role.Editor)
                            {
                                seenByEditor.UnionWith(Leaks(body, Role.Public));
                            }
                        }
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        foreach (var role in Roles.Where(r => r != Role.Public))
        {
            site.Site.Tokens[role] = await site.Site.Store.Accounts.CreateTokenAsync(RoleNames.Name(role));
        }

        return new Walk(routes, variants, requests, leaks, unwalked, seenByEditor);
    }

    /// <summary>A declared parameter's values: each allowed one, else the secret itself, a date, a number and a place.</summary>
    private static IEnumerable<string> Values(JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Select(v => v.ToString())
            : [LeakSite.Secret, "Qorvash", "2023-03-01", "1000", "Idlib", "2000-01-01T00:00:00Z"];

    /// <summary>The planted strings a response holds that the role may not read: found in normal form, in raw text and in decoded JSON strings.</summary>
    internal static IEnumerable<string> Leaks(string body, Role role)
    {
        if (role.SeesConfidentialSources() && role.SeesSensitivePersonFields() && role.SeesUnpublished())
        {
            yield break;
        }

        var text = new StringBuilder(body);
        try
        {
            using var json = JsonDocument.Parse(body);
            Strings(json.RootElement, text);
        }
        catch (JsonException)
        {
            // Not JSON (CSV, Markdown, HTML): the raw text is what the reader gets.
        }

        var normal = " " + NameNormaliser.Map(text.ToString()).Text + " ";
        foreach (var secret in new[] { LeakSite.Secret }.Concat(LeakSite.PersonSecrets).Concat(role.SeesUnpublished() ? [] : LeakSite.UnpublishedTitles))
        {
            if (normal.Contains(" " + NameNormaliser.Key(secret) + " ", StringComparison.Ordinal))
            {
                yield return secret;
            }
        }
    }

    private static void Strings(JsonElement element, StringBuilder into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Append('\n').Append(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    into.Append('\n').Append(property.Name);
                    Strings(property.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, into);
                }

                break;
        }
    }
}
