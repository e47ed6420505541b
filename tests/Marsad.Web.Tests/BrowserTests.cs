using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Domain.Events;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The pages in a real browser: Playwright for .NET driving Debian's Chromium against the demo site on
/// 127.0.0.1. Each test saves a screenshot into the test output folder (screenshots/) and prints its path.
/// Any console error or CSP violation fails the test.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class BrowserTests(DemoSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private HeadlessChromium? _chromium;
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_map_shows_the_published_demo_events_as_markers_over_the_boundaries()
    {
        var page = await OpenAsync("/");
        await page.WaitForSelectorAsync("body[data-loads='1']");
        var expected = await PublicPointsAsync(null);
        Assert.True(expected > 5, $"only {expected} published events with a point");
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("#map", "data-events"));
        Assert.True(await page.Locator("path.marsad-boundary").CountAsync() >= 14, "the 14 governorates are drawn");
        var markers = await page.Locator("path.marsad-event").CountAsync() + await page.Locator(".marsad-cluster").CountAsync();
        Assert.True(markers > 0, "no marker or cluster on the map");
        await ShotAsync(page, "map");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Filtering_by_type_changes_the_markers()
    {
        var page = await OpenAsync("/");
        await page.WaitForSelectorAsync("body[data-loads='1']");
        var before = await page.GetAttributeAsync("#map", "data-events");
        await page.SelectOptionAsync("#filter-type", "Battles");
        await page.WaitForSelectorAsync("body[data-loads='2']");
        var battles = await PublicPointsAsync("Battles");
        Assert.True(battles > 0);
        Assert.Equal(battles.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("#map", "data-events"));
        Assert.NotEqual(before, await page.GetAttributeAsync("#map", "data-events"));
        Assert.Equal("Battles", await page.GetAttributeAsync("#map", "data-types"));
        await ShotAsync(page, "map-battles");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task An_event_page_highlights_its_evidence_in_the_source_text()
    {
        var published = await site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Published, Limit = 10_000 }, Role.Public);
        var chosen = published.First(e => e.Event.Evidence.Spans.Count >= 2 && !e.Sources.Contains(RoleRules.ConfidentialSourceName));
        using var client = site.Client();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/events/{chosen.Event.Id}");
        var text = detail.GetProperty("documents")[0].GetProperty("text").GetString()!;
        var expected = chosen.Event.Evidence.Spans.Values.Select(s => text[s.Start..s.End]).ToHashSet();

        var page = await OpenAsync($"/event.html?id={chosen.Event.Id}");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var marks = await page.Locator("mark.evidence").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains(m, expected));
        Assert.Contains(text[..Math.Min(40, text.Length)].Trim(), await page.InnerTextAsync(".source-text"), StringComparison.Ordinal);
        await page.Locator("mark.evidence").First.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "event-evidence");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_coder_edits_an_event_in_the_review_queue_and_the_change_is_in_the_audit_chain()
    {
        var page = await OpenAsync("/signin.html");
        await page.FillAsync("#name", "coder");
        await page.FillAsync("#password", DemoSite.Password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync("**/review.html");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var item = page.Locator(".review-item[data-kind='event']").First;
        var id = Guid.Parse((await item.GetAttributeAsync("data-id"))!);
        var summary = "Edited in the browser test " + Guid.NewGuid().ToString("N")[..8];
        await item.Locator("button.edit").ClickAsync();
        await item.Locator("input[data-field='summary']").FillAsync(summary);
        await item.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "review-edit", fullPage: false);
        await item.Locator("button.save").ClickAsync();
        // No page.WaitForFunction: it evaluates a string, which the content security policy rightly forbids.
        await page.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await page.InnerTextAsync("#review-message"));

        await page.GotoAsync($"/event.html?id={id}");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var row = page.Locator("#history tr.revision", new PageLocatorOptions { HasTextString = summary });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("coder", await row.Locator("td.author").InnerTextAsync());
        await row.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "event-history");

        var last = (await site.Store.Audit.ListAsync(id)).Last();
        Assert.Equal("coder", last.Author);
        Assert.Contains(summary, last.Changes, StringComparison.Ordinal);
        Assert.True((await site.Store.Audit.VerifyAsync()).Ok);
        Assert.Equal(EventStatus.Reviewed, (await site.Store.Records.GetAsync<ConflictEvent>(id))!.Value.Status);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Sign_in_on_a_read_only_server_says_where_to_sign_in_instead()
    {
        var page = await OpenAsync("/signin.html");
        // The answer ReadOnlyGuard gives every write on `serve --read-only` (its own tests check the guard itself).
        await page.RouteAsync("**/api/account/signin", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 405,
            ContentType = "application/problem+json",
            Headers = new Dictionary<string, string> { ["Allow"] = "GET, HEAD, OPTIONS" },
            Body = """{"title":"read-only server","status":405,"detail":"read-only"}""",
        }));
        await page.FillAsync("#name", "coder");
        await page.FillAsync("#password", DemoSite.Password);
        await page.ClickAsync("#signin-button");
        await page.WaitForSelectorAsync("#signin-error:not(:empty)");
        Assert.Contains("read-only copy", await page.InnerTextAsync("#signin-error"), StringComparison.Ordinal);
        Assert.EndsWith("/signin.html", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "signin-read-only", fullPage: false);
    }

    [Fact]
    public async Task The_arabic_interface_is_right_to_left()
    {
        var page = await OpenAsync("/");
        await page.WaitForSelectorAsync("body[data-loads='1']");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.SelectOptionAsync("#lang", "ar");
        await page.WaitForSelectorAsync("html[dir='rtl']");
        await page.WaitForSelectorAsync("body[data-loads='1']");
        Assert.Equal("ar", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("الخريطة", await page.InnerTextAsync("nav"), StringComparison.Ordinal);
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        await ShotAsync(page, "map-arabic");
        Assert.Empty(_consoleErrors);
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _chromium!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1300, Height = 1000 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        await page.GotoAsync(path);
        return page;
    }

    private async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>How many events the public map should show: published ones with a point, optionally of one type.</summary>
    private async Task<int> PublicPointsAsync(string? type)
    {
        var events = await site.Store.Events.ListAsync(new EventQuery { EventType = type, Limit = 10_000 }, Role.Public);
        return events.Count(e => e.Event.Location?.Point is not null);
    }
}
