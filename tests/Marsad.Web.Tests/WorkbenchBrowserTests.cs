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
    private const string Day = "2023-07-21";
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

    // Written for this test in the genre of an observatory's daily note: two drone strikes in one sentence (an aggregate),
    // no publication date (so "Friday" cannot be dated), no named attacker, and a village name the gazetteer holds twice in
    // Al-Hasakeh: the engine takes the one near Al-Shaddadi, which the text names; the dam puts it at the other.
    private const string ReportTitle = "Drone strikes on two vehicles in the Al-Hasakah countryside";
    private const string Report = $"""
        ---
        title: {ReportTitle}
        source: Workbench Test Network
        url: https://example.org/workbench/drone-strikes
        ---

        Drones struck two vehicles on Friday, one near the village of Rmelan by the Al-Hasakah dam and another on the outskirts of Al-Shaddadi, in the southern countryside of Al-Hasakah, killing three people in total, according to local sources.
        """;

    [Fact]
    public async Task A_coder_fixes_and_splits_a_proposal_in_plain_words_an_editor_publishes_both_and_the_public_sees_them()
    {
        var reports = Path.Combine(site.Folder, "workbench-report");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "drones.md"), Report);
        await DemoSite.RunCliAsync("--db", Path.Combine(site.Folder, "demo", "marsad.db"), "ingest", reports);

        // The coder opens the proposal of that report: the engine's place is the Rmelan near Al-Shaddadi, undated, no actor.
        var review = await SignInAsync("coder");
        await review.WaitForSelectorAsync("body[data-ready='true']");
        var id = Guid.Parse((await review.Locator(".review-item[data-kind='event']").Filter(new() { HasText = ReportTitle }).First.GetAttributeAsync("data-id"))!);
        var proposal = (await site.Store.Records.GetAsync<ConflictEvent>(id))!.Value;
        Assert.Equal("Shadadah", proposal.Location?.Admin3);
        Assert.Null(proposal.Actor1);
        Assert.True(proposal.Date.IsUnresolved);
        var item = review.Locator($".review-item[data-id='{id}']");
        await item.Locator("button.edit").ClickAsync();

        // A wrong place fixed by picking the other candidate; a plain date typed; the missing attacker added.
        await item.Locator("input[data-field='location']").FillAsync("Rmelan");
        await item.Locator("input[data-field='location']").PressAsync("Tab");
        var candidates = item.Locator(".edit-fields select.place-candidates:not(.hidden)");
        await candidates.WaitForAsync();
        var labels = await candidates.Locator("option").AllInnerTextsAsync();
        var other = labels.Select((label, index) => (label, index)).Single(o => !o.label.Contains("Shadadah", StringComparison.Ordinal));
        await candidates.SelectOptionAsync(new SelectOptionValue { Index = other.index });
        await item.Locator("input[data-field='date']").FillAsync(Day);
        await item.Locator("input[data-field='actor1']").FillAsync("Turkey");
        await review.EvalOnSelectorAsync($".review-item[data-id='{id}']", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-1-review-fixed", fullPage: false);

        // The aggregate split in two: the fixes carry into both parts; the second is the strike at Al-Shaddadi.
        await item.Locator("button.split-open").ClickAsync();
        var parts = item.Locator(".split-part");
        Assert.Equal(2, await parts.CountAsync());
        Assert.Equal(Day, await parts.Nth(1).Locator("input[data-part-field='date']").InputValueAsync());
        Assert.Equal("Turkey", await parts.Nth(1).Locator("input[data-part-field='actor1']").InputValueAsync());
        await parts.Nth(0).Locator("input[data-part-field='fatalities']").FillAsync("2");
        await parts.Nth(1).Locator("input[data-part-field='location']").FillAsync("Al-Shaddadi");
        await parts.Nth(1).Locator("input[data-part-field='location']").PressAsync("Tab");
        await review.WaitForFunctionAsync($"() => document.querySelectorAll(\".review-item[data-id='{id}'] .split-part\")[1].querySelector(\"input[data-part-field='location']\").value.includes('#')");
        await parts.Nth(1).Locator("input[data-part-field='fatalities']").FillAsync("1");
        await review.EvalOnSelectorAsync($".review-item[data-id='{id}'] .split", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-2-split-form", fullPage: false);
        await item.Locator("button.save-split").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));

        // Both parts are back in the queue; the coder accepts each.
        var split = (await site.Store.Records.ListAsync<ConflictEvent>(100_000)).Select(r => r.Value)
            .Where(e => e.Id == id || e.DocumentIds.SequenceEqual(proposal.DocumentIds)).ToList();
        Assert.Equal(2, split.Count);
        var second = Assert.Single(split, e => e.Id != id).Id;
        await review.Locator($".review-item[data-id='{second}']").WaitForAsync();
        // Each place line names a place once: a district named as its governorate is not printed twice.
        foreach (var part in new[] { id, second })
        {
            var line = (await review.InnerTextAsync($".review-item[data-id='{part}'] .facts .place")).Split(", ");
            Assert.Equal(line.Distinct().Count(), line.Length);
        }

        await CardShotAsync(review, id, "workbench-3a-part-1-in-queue");
        await CardShotAsync(review, second, "workbench-3b-part-2-in-queue");
        foreach (var part in new[] { id, second })
        {
            await review.EvalOnSelectorAsync("#review-message", "m => m.textContent = ''");
            await review.Locator($".review-item[data-id='{part}'] button.accept").ClickAsync();
            await review.WaitForSelectorAsync("#review-message:not(:empty)");
            Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));
        }

        var accepted = (await site.Store.Records.GetManyAsync<ConflictEvent>([id, second])).ToDictionary(e => e.Key, e => e.Value.Value);
        Assert.All(accepted.Values, e => Assert.Equal((EventStatus.Reviewed, DateOnly.Parse(Day, System.Globalization.CultureInfo.InvariantCulture), "Military Forces of Turkey (2016-)"), (e.Status, e.Date.Start, e.Actor1)));
        Assert.NotEqual("Shadadah", accepted[id].Location!.Admin3);
        Assert.NotEqual(proposal.Location!.Point, accepted[id].Location!.Point);
        Assert.Equal(2, accepted[id].Quantities["fatalities"].Best);
        Assert.Contains("Shadd", accepted[second].Location!.Name!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, accepted[second].Quantities["fatalities"].Best);

        // The editor ticks both in the list beside the map and publishes them in one request.
        var editor = await SignInAsync("editor");
        await editor.GotoAsync("/");
        await FilterToDayAsync(editor, 2);
        await editor.Locator($".publish-pick[value='{id}']").CheckAsync();
        await editor.Locator($".publish-pick[value='{second}']").CheckAsync();
        await editor.ClickAsync("#publish");
        await editor.WaitForSelectorAsync("#publish-message:not(:empty)");
        Assert.StartsWith("2 / 2", await editor.InnerTextAsync("#publish-message"), StringComparison.Ordinal);
        await ShotAsync(editor, "workbench-4-editor-published");
        Assert.All(await site.Store.Records.GetManyAsync<ConflictEvent>([id, second]), e => Assert.Equal(EventStatus.Published, e.Value.Value.Status));

        // The public: the list shows both with their places, and the CSV of the current filter holds them.
        var map = await OpenAsync("/");
        await FilterToDayAsync(map, 2);
        foreach (var e in accepted.Values)
        {
            Assert.Contains(e.Location!.Name!, await map.InnerTextAsync($"#event-rows tr[data-id='{e.Id}']"), StringComparison.Ordinal);
        }

        await ShotAsync(map, "workbench-5-public-map-list");
        var csvLink = await map.GetAttributeAsync("#download-csv", "href");
        Assert.Contains("from=" + Day, csvLink, StringComparison.Ordinal);
        using var client = site.Client();
        var csv = await client.GetStringAsync(csvLink);
        Assert.Contains(id.ToString("D"), csv, StringComparison.Ordinal);
        Assert.Contains(second.ToString("D"), csv, StringComparison.Ordinal);

        // Arabic from the address: types in the legend and in the list of that day are Arabic.
        var arabic = await OpenAsync("/?lang=ar");
        await FilterToDayAsync(arabic, 2);
        Assert.Equal("rtl", await arabic.GetAttributeAsync("html", "dir"));
        Assert.Contains("معارك", await arabic.InnerTextAsync("#legend"), StringComparison.Ordinal);
        Assert.Equal(1, await arabic.Locator($"#event-rows tr[data-id='{id}']").CountAsync());
        var types = await arabic.Locator("#event-rows td.event-type").AllInnerTextsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Matches(@"\p{IsArabic}", t));
        // Places in Arabic where the gazetteer has them: the governorate's OCHA name, the town's Arabic name, each with
        // the canonical name beside it as on the review card; the English names are isolated left-to-right runs.
        var atShaddadah = accepted[second].Location!;
        var gazetteer = Core.Names.ArabicPlaceNames.Of([atShaddadah.PlaceId!], [atShaddadah.Admin1!]);
        var placeCell = arabic.Locator($"#event-rows tr[data-id='{second}'] td.event-place");
        Assert.Equal("الحسكة", gazetteer.Areas[atShaddadah.Admin1!]);
        Assert.Equal([gazetteer.Places[atShaddadah.PlaceId!], "الحسكة"], await placeCell.Locator("bdi.name-ar").AllInnerTextsAsync());
        Assert.Equal([atShaddadah.Name!, atShaddadah.Admin1!], await placeCell.Locator("bdi.canonical").AllInnerTextsAsync());
        Assert.Contains("القوات التركية", await arabic.InnerTextAsync($"#event-rows tr[data-id='{second}'] td.event-actors"), StringComparison.Ordinal);
        // No Latin letter of a place or actor outside a left-to-right isolate, where the bidi algorithm would move its brackets.
        Assert.Equal(0, await arabic.EvalOnSelectorAllAsync<int>("#event-rows td.event-place, #event-rows td.event-actors, #event-rows td.event-type", """
            cells => cells.flatMap(cell => {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              const loose = [];
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const run = n.parentElement.closest("bdi");
                if (/[A-Za-z]/.test(n.textContent) && !(run && getComputedStyle(run).direction === "ltr" && getComputedStyle(run).unicodeBidi === "isolate")) loose.push(n.textContent);
              }
              return loose;
            }).length
            """));
        await ShotAsync(arabic, "workbench-6-map-arabic");
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
        // Or by the name, searched in the register: the one match fills in its id.
        var keeper = new Domain.Records.Person { Id = Guid.CreateVersion7(), Name = "Linksearch Beekeeper", Status = Domain.Records.PersonStatus.Missing };
        await site.Store.Records.AddAsync(keeper, new ChangeContext("coder"));
        await card.Locator("select.link-kind").SelectOptionAsync("person");
        await card.Locator("input.link-id").FillAsync("Linksearch Beekeeper");
        await card.Locator("input.link-id").PressAsync("Tab");
        await review.WaitForFunctionAsync($"() => document.querySelector(\".review-item[data-id='{id}'] input.link-id\").value === '{keeper.Id:D}'");
        await review.EvalOnSelectorAsync("#review-message", "m => m.textContent = ''");
        await card.Locator("button.link").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));
        Assert.Contains(id, (await site.Store.Records.GetAsync<Domain.Records.Person>(keeper.Id))!.Value.EventIds);
        await review.EvalOnSelectorAsync($".review-item[data-id='{second.Id}']", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-split-warnings", fullPage: false);
        Assert.True((await site.Store.Audit.VerifyAsync()).Ok);
        Assert.Empty(_consoleErrors);
    }

    // Written for this test: one sentence that names two shellings, which a coder splits and then thinks better of.
    private const string UndoTitle = "Shelling on two farms near Tal Tamr";
    private const string UndoReport = $"""
        ---
        title: {UndoTitle}
        source: Workbench Test Network
        url: https://example.org/workbench/undo-split
        ---

        Artillery shells fell on two farms west of Tal Tamr on Tuesday, wounding a farmer, according to local sources.
        """;

    [Fact]
    public async Task A_coder_splits_a_proposal_then_undoes_the_split_from_either_card()
    {
        var reports = Path.Combine(site.Folder, "undo-report");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "farms.md"), UndoReport);
        await DemoSite.RunCliAsync("--db", Path.Combine(site.Folder, "demo", "marsad.db"), "ingest", reports);

        var review = await SignInAsync("coder");
        await review.WaitForSelectorAsync("body[data-ready='true']");
        var id = Guid.Parse((await review.Locator(".review-item[data-kind='event']").Filter(new() { HasText = UndoTitle }).First.GetAttributeAsync("data-id"))!);
        var before = (await site.Store.Records.GetAsync<ConflictEvent>(id))!.Value;
        async Task<HashSet<Guid>> OfDocumentAsync() => [.. (await site.Store.Records.ListAsync<ConflictEvent>(100_000)).Select(r => r.Value)
            .Where(e => e.DocumentIds.SequenceEqual(before.DocumentIds) && e.MergedInto is null).Select(e => e.Id)];
        var standing = await OfDocumentAsync();
        var item = review.Locator($".review-item[data-id='{id}']");
        // Nothing to undo before a split.
        Assert.Equal(0, await item.Locator("button.undo-split").CountAsync());
        await item.Locator("button.split-open").ClickAsync();
        var parts = item.Locator(".split-part");
        await parts.Nth(0).Locator("input[data-part-field='date']").FillAsync("2023-07-18");
        await parts.Nth(1).Locator("input[data-part-field='date']").FillAsync("2023-07-18");
        await parts.Nth(1).Locator("input[data-part-field='fatalities']").FillAsync("0");
        await review.EvalOnSelectorAsync("#review-message", "m => m.textContent = ''");
        await item.Locator("button.save-split").ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));

        // Both cards offer the undo, naming how many events the split made.
        var second = Assert.Single((await OfDocumentAsync()).Except(standing));
        var undoOnPart = review.Locator($".review-item[data-id='{second}'] button.undo-split");
        await undoOnPart.WaitForAsync();
        Assert.Equal("Undo the split (2 → 1)", await undoOnPart.InnerTextAsync());
        Assert.Equal(1, await review.Locator($".review-item[data-id='{id}'] button.undo-split").CountAsync());
        await review.EvalOnSelectorAsync($".review-item[data-id='{second}']", "e => e.scrollIntoView()");
        await ShotAsync(review, "workbench-7-undo-split-offered", fullPage: false);

        // Undone from the part's card: the part leaves the queue, the proposal is back as it was, without the button.
        await review.EvalOnSelectorAsync("#review-message", "m => m.textContent = ''");
        await undoOnPart.ClickAsync();
        await review.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("Saved.", await review.InnerTextAsync("#review-message"));
        Assert.Equal(0, await review.Locator($".review-item[data-id='{second}']").CountAsync());
        await review.Locator($".review-item[data-id='{id}']").WaitForAsync();
        Assert.Equal(0, await review.Locator($".review-item[data-id='{id}'] button.undo-split").CountAsync());
        var after = (await site.Store.Records.GetAsync<ConflictEvent>(id))!.Value;
        Assert.Equal((before.Date, before.Location, before.Status), (after.Date, after.Location, after.Status));
        Assert.Equal(id, (await site.Store.Records.GetAsync<ConflictEvent>(second))!.Value.MergedInto);
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
        var page = await _chromium!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
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

    /// <summary>One review card alone: a full-page shot of a long queue is too tall to read.</summary>
    private async Task CardShotAsync(IPage page, Guid id, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.Locator($".review-item[data-id='{id}']").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
    }

    private async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }
}
