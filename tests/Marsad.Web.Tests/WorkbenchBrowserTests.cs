using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Review;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The workbench in Debian's Chromium: a coder fixes a proposal in plain words (a place picked from the gazetteer's
/// candidates, a typed date, an added actor) and accepts it; an editor publishes two events in bulk from the list beside
/// the map; the anonymous map lists them and the CSV of the current filter contains them; the Arabic page names types in Arabic.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class WorkbenchBrowserTests(DemoSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Day = "2023-07-21";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: test.sh installs Debian's chromium package");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task A_coder_fixes_a_proposal_in_plain_words_an_editor_publishes_it_and_the_public_sees_it()
    {
        // The coder: plain date, a place picked from the candidates, an actor added; saving accepts it.
        var review = await SignInAsync("coder");
        await review.WaitForSelectorAsync("body[data-ready='true']");
        // By its id, not its position: the locator then finds the card again whatever else the queue holds.
        var id = Guid.Parse((await review.Locator(".review-item[data-kind='event']").First.GetAttributeAsync("data-id"))!);
        var item = review.Locator($".review-item[data-id='{id}']");
        await item.Locator("button.edit").ClickAsync();
        await item.Locator("input[data-field='date']").FillAsync(Day);
        await item.Locator("input[data-field='location']").FillAsync("Rmelan");
        await item.Locator("input[data-field='location']").PressAsync("Tab");
        var candidates = item.Locator("select.place-candidates:not(.hidden)");
        await candidates.WaitForAsync();
        Assert.True(await candidates.Locator("option").CountAsync() >= 2, "Rmelan has more than one candidate");
        await candidates.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await item.Locator("input[data-field='actor2']").FillAsync("ISIS");
        await item.ScrollIntoViewIfNeededAsync();
        await ShotAsync(review, "workbench-review-plain", fullPage: false);
        await item.Locator("button.save").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));
        var saved = (await site.Store.Records.GetAsync<ConflictEvent>(id))!.Value;
        Assert.Equal(EventStatus.Reviewed, saved.Status);
        Assert.Equal(DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), saved.Date.Start);
        Assert.Equal("Islamic State (Syria)", saved.Actor2);
        Assert.Equal("Al-Hasakeh", saved.Location!.Admin1);
        Assert.NotNull(saved.Location.Point);

        // A second event reviewed for the same day, so the editor has two to publish at once.
        var (other, otherVersion) = (await site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Extracted, Limit = 10_000 }, Role.Editor))
            .Where(e => e.Event.Id != id && e.Event.Location?.Point is not null).Select(e => (e.Event.Id, e.Version)).First();
        await new ReviewRecords(site.Store).ApplyAsync(new ReviewDecision("event", other, ReviewAction.Edit, otherVersion, Fields: new() { ["date"] = Day }), new ChangeContext("coder"));

        // The editor ticks both in the list beside the map and publishes them in one request.
        var editor = await SignInAsync("editor");
        await editor.GotoAsync("/");
        await FilterToDayAsync(editor, 2);
        await editor.Locator($".publish-pick[value='{id}']").CheckAsync();
        await editor.Locator($".publish-pick[value='{other}']").CheckAsync();
        await editor.ClickAsync("#publish");
        await editor.WaitForSelectorAsync("#publish-message:not(:empty)");
        Assert.StartsWith("2 / 2", await editor.InnerTextAsync("#publish-message"), StringComparison.Ordinal);
        await ShotAsync(editor, "workbench-editor-published");
        Assert.All(await site.Store.Records.GetManyAsync<ConflictEvent>([id, other]), e => Assert.Equal(EventStatus.Published, e.Value.Value.Status));

        // The public: the list shows both, the popup names the place, and the CSV of the current filter holds them.
        var map = await OpenAsync("/");
        await FilterToDayAsync(map, 2);
        Assert.Equal(1, await map.Locator($"#event-rows tr[data-id='{id}']").CountAsync());
        Assert.Equal(1, await map.Locator($"#event-rows tr[data-id='{other}']").CountAsync());
        Assert.Contains(saved.Location.Name!, await map.InnerTextAsync($"#event-rows tr[data-id='{id}']"), StringComparison.Ordinal);
        await ShotAsync(map, "workbench-public-list");
        var csvLink = await map.GetAttributeAsync("#download-csv", "href");
        Assert.Contains("from=" + Day, csvLink, StringComparison.Ordinal);
        using var client = site.Client();
        var csv = await client.GetStringAsync(csvLink);
        Assert.Contains(id.ToString("D"), csv, StringComparison.Ordinal);
        Assert.Contains(other.ToString("D"), csv, StringComparison.Ordinal);

        // Arabic from the address: types in the legend and the list are Arabic.
        var arabic = await OpenAsync("/?lang=ar");
        await arabic.WaitForSelectorAsync("body[data-loads='1']");
        Assert.Equal("rtl", await arabic.GetAttributeAsync("html", "dir"));
        Assert.Contains("معارك", await arabic.InnerTextAsync("#legend"), StringComparison.Ordinal);
        var types = await arabic.Locator("#event-rows td.event-type").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Matches(@"\p{IsArabic}", t));
        await ShotAsync(arabic, "workbench-map-arabic");
        Assert.True((await site.Store.Audit.VerifyAsync()).Ok);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_coder_splits_a_proposal_sees_the_warnings_on_the_parts_and_links_one_to_a_person()
    {
        var person = new Domain.Records.Person { Id = Guid.CreateVersion7(), Name = "a test shepherd", Status = Domain.Records.PersonStatus.Missing };
        await site.Store.Records.AddAsync(person, new ChangeContext("coder"));
        var personShort = (await site.Store.Ids.ShortenAsync(Core.Ids.IdKind.Person, [person.Id]))[person.Id];

        var review = await SignInAsync("coder");
        await review.WaitForSelectorAsync("body[data-ready='true']");
        // By its id, not its position: the locator then finds the card again whatever else the queue holds.
        var id = Guid.Parse((await review.Locator(".review-item[data-kind='event']").First.GetAttributeAsync("data-id"))!);
        var item = review.Locator($".review-item[data-id='{id}']");
        await item.Locator("button.split-open").ClickAsync();
        var parts = item.Locator(".split-part");
        Assert.Equal(2, await parts.CountAsync());
        await parts.Nth(0).Locator("input[data-part-field='date']").FillAsync("2023-07-19");
        await parts.Nth(0).Locator("input[data-part-field='fatalities']").FillAsync("1");
        await parts.Nth(1).Locator("input[data-part-field='date']").FillAsync("2023-07-19");
        await parts.Nth(1).Locator("input[data-part-field='location']").FillAsync("36.97, 41.94");
        await parts.Nth(1).Locator("input[data-part-field='fatalities']").FillAsync("at least 2");
        // Scrolled by selector inside the page: one step, so a queue re-rendered meanwhile cannot detach what is scrolled.
        await review.EvalOnSelectorAsync($".review-item[data-id='{id}']", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-split-form", fullPage: false);
        await item.Locator("button.save-split").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));

        var day = new DateOnly(2023, 7, 19);
        var split = (await site.Store.Records.ListAsync<ConflictEvent>(100_000)).Select(r => r.Value).Where(e => e.Date.Start == day).ToList();
        Assert.Equal(2, split.Count);
        var first = Assert.Single(split, e => e.Id == id);
        var second = Assert.Single(split, e => e.Id != id);
        Assert.Equal((1, 2), (first.Quantities["fatalities"].Best, second.Quantities["fatalities"].Low));
        Assert.Null(first.Aggregate);
        Assert.Equal(EventStatus.Extracted, second.Status);

        // Both parts are back in the queue, each with what Core flags: a July 2023 date against the document's own.
        var newCard = review.Locator($".review-item[data-id='{second.Id}']");
        await newCard.WaitForAsync();
        Assert.True(await newCard.Locator(".warnings li[data-field='date']").CountAsync() == 1, await newCard.InnerTextAsync());

        // The link takes the id as pages print it.
        var card = review.Locator($".review-item[data-id='{id}']");
        await card.Locator("select.link-kind").SelectOptionAsync("person");
        await card.Locator("input.link-id").FillAsync(personShort);
        await review.EvalOnSelectorAsync("#review-message", "m => m.textContent = ''");
        await card.Locator("button.link").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));
        Assert.Contains(id, (await site.Store.Records.GetAsync<Domain.Records.Person>(person.Id))!.Value.EventIds);
        await review.EvalOnSelectorAsync($".review-item[data-id='{second.Id}']", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-split-warnings", fullPage: false);
        Assert.True((await site.Store.Audit.VerifyAsync()).Ok);
        Assert.Empty(_consoleErrors);
    }

    private static async Task FilterToDayAsync(IPage page, int loads)
    {
        await page.WaitForSelectorAsync("body[data-loads='1']");
        await page.FillAsync("input[name='from']", Day);
        await page.FillAsync("input[name='to']", Day);
        await page.ClickAsync("#filters button[type='submit']");
        await page.WaitForSelectorAsync($"body[data-loads='{loads}']");
    }

    private async Task<IPage> SignInAsync(string name)
    {
        var page = await OpenAsync("/signin.html");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", DemoSite.Password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync("**/review.html");
        return page;
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
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
}
