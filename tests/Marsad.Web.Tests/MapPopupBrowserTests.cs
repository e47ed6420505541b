using System.Globalization;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The public map in Debian's Chromium, as an anonymous visitor: one event's marker clicked opens a popup naming its
/// type and place (in Arabic beside the canonical names on the Arabic page) and nothing of a confidential source;
/// dates typed on the Arabic keyboard filter as ISO ones do; a narrow Arabic list keeps each bracketed Latin name whole.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class MapPopupBrowserTests(DemoSite site, ITestOutputHelper output) : IAsyncLifetime
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
    public async Task An_anonymous_visitor_opens_an_events_popup_in_english_and_arabic_and_sees_its_type_and_place_and_no_confidential_source()
    {
        var (chosen, confidential) = await ChooseAsync();
        var e = chosen.Event;
        var day = e.Date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var location = e.Location!;

        // English: the popup names the type and the place line; the page asked for nothing that names the secret source.
        var english = await OpenAsync("/");
        var (popup, asked) = await OpenPopupAsync(english, day, e.EventType.Label, e.Id);
        var text = await popup.InnerTextAsync();
        Assert.Contains(e.SubEventType.Label, text, StringComparison.Ordinal);
        Assert.Contains(location.Admin1!, await popup.Locator(".popup-place bdi.canonical").AllInnerTextsAsync());
        AssertNoSecret(confidential, text, asked);
        await ShotAsync(english, "map-popup-en");

        // Arabic, the dates typed with Arabic-Indic digits: the type in Arabic, the governorate's OCHA name beside its
        // canonical name, every Latin letter inside a left-to-right isolate.
        var arabic = await OpenAsync("/?lang=ar");
        (popup, asked) = await OpenPopupAsync(arabic, ArabicDigits(day), e.EventType.Label, e.Id);
        text = await popup.InnerTextAsync();
        Assert.Matches(@"\p{IsArabic}", await popup.Locator("a bdi").First.InnerTextAsync());
        var gazetteer = Core.Names.ArabicPlaceNames.Of([], [location.Admin1!]);
        Assert.Contains(gazetteer.Areas[location.Admin1!], await popup.Locator(".popup-place bdi.name-ar").AllInnerTextsAsync());
        Assert.Contains(location.Admin1!, await popup.Locator(".popup-place bdi.canonical").AllInnerTextsAsync());
        Assert.Empty(await popup.EvaluateAsync<string[]>(LooseLatin));
        AssertNoSecret(confidential, text, asked);
        await ShotAsync(arabic, "map-popup-ar");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_narrow_arabic_list_keeps_each_bracketed_latin_name_in_reading_order_on_every_line()
    {
        var page = await OpenAsync("/?lang=ar");
        await page.WaitForSelectorAsync("body[data-loads='1']");
        // The list squeezed to a phone's column, long canonical names wrapping over several lines (through the CSSOM:
        // the content security policy rightly refuses an injected style element).
        await page.EvalOnSelectorAsync(".map-and-list", "grid => grid.style.gridTemplateColumns = 'minmax(0, 1fr) 15rem'");
        var bracketed = page.Locator("#event-rows bdi.bracketed");
        Assert.True(await bracketed.CountAsync() > 0, "no canonical name beside an Arabic one in the list");
        Assert.True(await page.EvalOnSelectorAllAsync<int>("#event-rows bdi.bracketed", "runs => Math.max(...runs.map(" + Lines + "))") > 1, "no bracketed name wraps");
        Assert.Empty(await page.EvalOnSelectorAllAsync<string[]>("#event-rows bdi.bracketed", OutOfOrder));
        Assert.Empty(await page.EvalOnSelectorAllAsync<string[]>("#event-rows td.event-place, #event-rows td.event-actors", "cells => cells.flatMap(" + LooseLatin + ")"));
        // The top of the list only: the whole column is thousands of pixels tall, too tall to read.
        var box = (await page.Locator("#event-list").BoundingBoxAsync())!;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath("map-arabic-narrow-list"), FullPage = true, Clip = new Clip { X = box.X, Y = box.Y, Width = box.Width, Height = Math.Min(box.Height, 700) } });
        output.WriteLine($"screenshot: {ShotPath("map-arabic-narrow-list")}");
        Assert.Empty(_consoleErrors);
    }

    // How many lines a run stands on: an inline box gives a rectangle per piece, and bidi reordering cuts one line's
    // run into several pieces, so pieces are counted by the line (their bottom), not one by one.
    private const string Lines = "run => new Set([...run.getClientRects()].filter(b => b.width > 0).map(b => Math.round(b.bottom))).size";

    // For each bracketed run, its characters line by line: on each line they must stand in reading order (left to right
    // in a left-to-right run), and neither bracket may sit on a line alone. Returns the runs that do not.
    private const string OutOfOrder = """
        runs => runs.filter(run => {
          const rtl = getComputedStyle(run).direction === "rtl";
          const chars = [];
          const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (let i = 0; i < n.length; i++) {
              if (!n.data[i].trim()) continue;
              const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
              const box = range.getBoundingClientRect();
              chars.push({ c: n.data[i], x: box.left + box.width / 2, line: Math.round(box.bottom) });
            }
          }
          const lines = new Map();
          chars.forEach(c => lines.set(c.line, [...(lines.get(c.line) || []), c]));
          const disordered = [...lines.values()].some(l => l.some((c, k) => k > 0 && (rtl ? c.x > l[k - 1].x : c.x < l[k - 1].x)));
          const alone = chars.length > 2 && (chars[0].line !== chars[1].line || chars.at(-1).line !== chars.at(-2).line);
          return disordered || alone;
        }).map(run => run.textContent)
        """;

    // The Latin text of a node that is not inside a left-to-right isolate (where the bidi algorithm would move its brackets).
    private const string LooseLatin = """
        cell => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          const loose = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const run = n.parentElement.closest("bdi");
            if (/[A-Za-z]/.test(n.textContent) && !(run && getComputedStyle(run).direction === "ltr" && getComputedStyle(run).unicodeBidi === "isolate")) loose.push(n.textContent);
          }
          return loose;
        }
        """;

    /// <summary>
    /// A published event with a point, one of a confidential source's when there is such (its popup must not name it),
    /// on a day and of a type that few others share, so its marker is soon out of any cluster.
    /// </summary>
    private async Task<(EventListItem Event, IReadOnlyList<string> Confidential)> ChooseAsync()
    {
        var confidential = (await site.Store.Sources.ListAsync(Role.Admin)).Where(s => s.Confidential).Select(s => s.Name).ToList();
        Assert.NotEmpty(confidential);
        var shown = (await site.Store.Events.ListAsync(new EventQuery { Limit = 10_000 }, Role.Public))
            .Where(i => i.Event.Location is { Point: not null, Admin1: not null } && !i.Event.Date.IsUnresolved).ToList();
        Assert.NotEmpty(shown);
        var chosen = shown
            .OrderBy(i => shown.Count(o => o.Event.Date.Start <= i.Event.Date.Start && o.Event.Date.End >= i.Event.Date.Start && o.Event.EventType == i.Event.EventType))
            .ThenBy(i => i.Sources.Contains(RoleRules.ConfidentialSourceName) ? 0 : 1)
            .First();
        return (chosen, confidential);
    }

    /// <summary>Filters the map to the day and type, zooms into clusters until the event's own marker is drawn, and clicks it.</summary>
    private async Task<(ILocator Popup, string Asked)> OpenPopupAsync(IPage page, string typedDay, string type, Guid id)
    {
        await page.WaitForSelectorAsync("body[data-loads='1']");
        await page.FillAsync("input[name='from']", typedDay);
        await page.FillAsync("input[name='to']", typedDay);
        await page.SelectOptionAsync("#filter-type", type);
        await page.WaitForSelectorAsync("body[data-loads='2']");
        Assert.Equal("", await page.InnerTextAsync("#filter-message"));
        var marker = page.Locator($"path.marsad-event-{id:D}");
        for (var zoom = 0; zoom < 8 && await marker.CountAsync() == 0; zoom++)
        {
            await page.Locator(".marsad-cluster").First.ClickAsync();
            await page.WaitForTimeoutAsync(700);
        }

        // The popup asks the event's page data for its Arabic names: the body the page received is checked too.
        var detail = page.WaitForResponseAsync(r => r.Url.Contains("/api/events/" + id.ToString("D"), StringComparison.Ordinal));
        await marker.ClickAsync();
        var asked = await (await detail).TextAsync();
        var popup = page.Locator(".leaflet-popup-content");
        await popup.Locator(".popup-place").WaitForAsync();
        await page.WaitForTimeoutAsync(200);
        return (popup, asked);
    }

    private static void AssertNoSecret(IReadOnlyList<string> confidential, string popup, string asked)
    {
        foreach (var name in confidential)
        {
            Assert.DoesNotContain(name, popup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, asked, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string ArabicDigits(string iso) => string.Concat(iso.Select(c => char.IsAsciiDigit(c) ? (char)('\u0660' + (c - '0')) : c));

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

    private static string ShotPath(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ShotPath(name) });
        output.WriteLine($"screenshot: {ShotPath(name)}");
    }
}
