using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// An Arabic report (written for this test) ingested into a fresh database and reviewed in the Arabic interface in
/// Debian's Chromium: the page is right-to-left, the report's text runs right-to-left with its evidence marked, types and
/// statuses are in Arabic and each actor shows its Arabic name beside the canonical one; a claim shows its English gloss.
/// </summary>
public sealed class ArabicReviewBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Report = "---\ntitle: قصف مدفعي على ريف إدلب\npublished: 2023-05-10\nsource: شبكة اختبار\n---\n" +
        "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل بريف إدلب الجنوبي أمس، ما أدى لمقتل 3 مدنيين.\n" +
        "وقالت وزارة الدفاع السورية إن قواتها استهدفت مواقع للمسلحين وقتلت 5 إرهابيين.\n";

    private readonly TempFolder _folder = new();
    private IMarsadStore? _store;
    private WebApplication? _app;
    private Uri _address = null!;
    private HeadlessChromium? _chromium;
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        var database = Path.Combine(_folder.Path, "marsad.db");
        var reports = Path.Combine(_folder.Path, "reports");
        Directory.CreateDirectory(reports);
        await File.WriteAllTextAsync(Path.Combine(reports, "ar.txt"), Report);
        await DemoSite.RunCliAsync("--db", database, "ingest", reports);
        _store = await MarsadStorage.OpenAsync(new DatabaseTarget(DatabaseProvider.Sqlite, database), TimeProvider.System);
        await _store.Accounts.SaveAsync("coder", Role.Coder, DemoSite.Password);
        (_app, _address) = await DemoSite.StartAsync(new MarsadWebOptions { Database = _store.Target, Urls = ["http://127.0.0.1:0"], Quiet = true, SignInsPerMinute = 1000 }, _store);
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_arabic_report_is_reviewed_right_to_left_with_its_evidence_marked()
    {
        var page = await _chromium!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _address.ToString(), ViewportSize = new ViewportSize { Width = 1300, Height = 1000 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        await page.GotoAsync("/signin.html");
        await page.FillAsync("#name", "coder");
        await page.FillAsync("#password", DemoSite.Password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync("**/review.html");

        await page.GotoAsync("/review.html?lang=ar");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        var item = page.Locator(".review-item[data-kind='event']").First;
        var text = item.Locator(".source-text");
        Assert.Equal("rtl", await text.GetAttributeAsync("dir"));
        Assert.Equal("rtl", await text.EvaluateAsync<string>("t => getComputedStyle(t).direction"));
        var marks = await text.Locator("mark.evidence").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.Contains(marks, m => m.Contains("كفرنبل", StringComparison.Ordinal));
        Assert.Contains("قصف مدفعي/صاروخي", await item.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        // Each canonical name beside the Arabic one, each its own isolated run: the brackets of "(2000-)" stay in order.
        var actor = item.Locator(".facts .actor").First;
        Assert.Equal("قوات النظام", await actor.Locator("bdi.name-ar").InnerTextAsync());
        var canonical = actor.Locator("bdi.canonical");
        Assert.Equal("Military Forces of Syria (2000-)", await canonical.InnerTextAsync());
        Assert.Equal("ltr", await canonical.EvaluateAsync<string>("b => getComputedStyle(b).direction"));
        Assert.Equal("isolate", await canonical.EvaluateAsync<string>("b => getComputedStyle(b).unicodeBidi"));
        // Drawn left to right inside the Arabic line: "2000", then "-", then the closing bracket.
        Assert.True(await canonical.EvaluateAsync<bool>("""
            b => {
              const t = b.firstChild, s = t.textContent, r = document.createRange();
              const x = i => { r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().x; };
              return x(s.indexOf("2000")) < x(s.indexOf("-")) && x(s.indexOf("-")) < x(s.lastIndexOf(")"));
            }
            """), "the canonical name's brackets should stay in left-to-right order");
        // The ISO date in the Arabic title is its own left-to-right run: year first, not "09-05-2023".
        Assert.True(await item.Locator("h3 bdi.date").EvaluateAsync<bool>("""
            b => {
              const t = b.firstChild, s = t.textContent, r = document.createRange();
              const x = i => { r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect().x; };
              return /^\d{4}-/.test(s) && x(0) < x(s.length - 1);
            }
            """), "the date should read left to right, year first");
        var place = item.Locator(".facts .place");
        Assert.Equal("كفرنبل", await place.Locator("bdi.name-ar").First.InnerTextAsync());
        Assert.Equal("Kafr Nobol", await place.Locator("bdi.canonical").First.InnerTextAsync());
        // The evidence mark sits right of the text's start: the line runs right-to-left.
        var box = await text.BoundingBoxAsync();
        var first = await text.Locator("mark.evidence").First.BoundingBoxAsync();
        Assert.True(first!.X + first.Width > box!.X + (box.Width / 2), "the first mark should sit in the right half of a right-to-left text");

        var claim = page.Locator(".review-item[data-kind='claim']").First;
        Assert.Contains("Syrian Ministry of Defence", await claim.Locator("h3").InnerTextAsync(), StringComparison.Ordinal);
        var gloss = await claim.Locator(".facts .gloss").InnerTextAsync();
        Assert.Contains("killed", gloss, StringComparison.Ordinal);
        await item.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, "review-arabic");

        // Accepting it: the message is in Arabic and the store has the event reviewed.
        var id = Guid.Parse((await item.GetAttributeAsync("data-id"))!);
        await item.Locator("button.accept").ClickAsync();
        await page.WaitForSelectorAsync("#review-message:not(:empty)");
        Assert.Equal("تم الحفظ.", await page.InnerTextAsync("#review-message"));
        Assert.Equal(EventStatus.Reviewed, (await _store!.Records.GetAsync<ConflictEvent>(id))!.Value.Status);

        // The event page in Arabic: the same text right-to-left with its evidence, the actor with both names.
        await page.GotoAsync($"/event.html?id={id}&lang=ar");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        Assert.Equal("rtl", await page.Locator(".document .source-text").GetAttributeAsync("dir"));
        Assert.True(await page.Locator(".document mark.evidence").CountAsync() > 0);
        Assert.Equal("قوات النظام", await page.InnerTextAsync("dd[data-field='actor1'] bdi.name-ar"));
        Assert.Equal("Military Forces of Syria (2000-)", await page.InnerTextAsync("dd[data-field='actor1'] bdi.canonical"));
        Assert.Equal("كفرنبل", await page.InnerTextAsync("dd[data-field='place'] bdi.name-ar"));
        Assert.Equal("Kafr Nobol", await page.InnerTextAsync("dd[data-field='place'] bdi.canonical >> nth=0"));
        Assert.Contains("تمت مراجعته", await page.InnerTextAsync("dd[data-field='status']"), StringComparison.Ordinal);
        await ShotAsync(page, "event-arabic");
        Assert.Empty(_consoleErrors);
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
