using Marsad.Core.Storage;
using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Domain.Records;
using Microsoft.Playwright;

namespace Marsad.Web.Tests;

/// <summary>
/// The registers in Debian's Chromium: the public filters the persons register, opens one person's page from the list and
/// downloads the filtered register; an editor sees the record's contacts the public does not; the claims and allegations
/// lists open for an editor. Each page is kept as a screenshot (screenshots/registers-*.png).
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class RegistersBrowserTests(DemoSite site, ITestOutputHelper output) : IAsyncLifetime
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
    public async Task The_public_filters_opens_and_downloads_a_register_and_an_editor_sees_more()
    {
        // Fictional people written for this test: one published with a family contact, one still awaiting review.
        var shown = new Person
        {
            Id = Guid.CreateVersion7(),
            Name = "Registerbrowser Samir",
            Status = PersonStatus.Missing,
            ReviewStatus = EventStatus.Published,
            Contacts = "cousin, phone 0999-BROWSER",
            LastSeenAt = new Domain.Common.Location("Kafr Nabl", null, "Idleb", null, null, new GeoPoint(35.61, 36.56), GeoPrecision.Place),
        };
        var allegation = new Allegation
        {
            Id = Guid.CreateVersion7(),
            Summary = "Registerbrowser: a fictional report of a school used as a barracks",
            Kind = "military use of a school",
            History = [new InvestigationStep(InvestigationStatus.Alleged, new DateOnly(2023, 7, 20))],
            ReviewStatus = EventStatus.Published,
        };
        await site.Store.Records.AddAsync(allegation, new ChangeContext("editor"));
        var pending = new Person { Id = Guid.CreateVersion7(), Name = "Registerbrowser Pending", Status = PersonStatus.Missing };
        await site.Store.Records.AddAsync(shown, new ChangeContext("editor"));
        await site.Store.Records.AddAsync(pending, new ChangeContext("editor"));

        var page = await OpenAsync("/records.html?kind=persons");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.FillAsync("#record-filters input[name='text']", "Registerbrowser");
        await page.PressAsync("#record-filters input[name='text']", "Enter");
        await page.WaitForURLAsync("**text=Registerbrowser**");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var rows = page.Locator("#records tr.record");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal(shown.Id.ToString("D"), await rows.First.GetAttributeAsync("data-id"));
        await ShotAsync(page, "registers-1-persons-filtered");

        var csvLink = await page.GetAttributeAsync("#export-csv", "href");
        Assert.Contains("text=Registerbrowser", csvLink, StringComparison.Ordinal);
        using var anonymous = site.Client();
        var csv = await anonymous.GetStringAsync(csvLink);
        Assert.Contains("Registerbrowser Samir", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Registerbrowser Pending", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("0999-BROWSER", csv, StringComparison.Ordinal);

        await rows.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**id=**");
        await page.WaitForSelectorAsync("body[data-ready='true']");
        var detail = await page.InnerTextAsync("main");
        Assert.Contains("Registerbrowser Samir", detail, StringComparison.Ordinal);
        await ShotAsync(page, "registers-2-person-public");
        Assert.DoesNotContain("0999-BROWSER", detail, StringComparison.Ordinal);

        // The editor opens the same page by the short id the tables print, and sees the contacts.
        var editor = await SignInAsync("editor");
        var shortId = (await site.Store.Ids.ShortenAsync(Core.Ids.IdKind.Person, [shown.Id]))[shown.Id];
        await editor.GotoAsync($"/records.html?kind=persons&id={shortId}");
        await editor.WaitForSelectorAsync("body[data-ready='true']");
        await ShotAsync(editor, "registers-3-person-editor");
        Assert.Contains("0999-BROWSER", await editor.InnerTextAsync("main"), StringComparison.Ordinal);
        // The place reads as names and a point, not as JSON; the filters are hidden on one record's page.
        Assert.Contains("Kafr Nabl, Idleb (35.61, 36.56)", await editor.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.False(await editor.IsVisibleAsync("#record-filters"));

        foreach (var kind in new[] { "claims", "allegations" })
        {
            await editor.GotoAsync($"/records.html?kind={kind}");
            await editor.WaitForSelectorAsync("body[data-ready='true']");
            Assert.True(await editor.Locator("#records tr.record").CountAsync() > 0, $"{kind} are listed for an editor");
            await ShotAsync(editor, $"registers-4-{kind}-editor");
        }

        Assert.Empty(_consoleErrors);
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
        var page = await _chromium!.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = site.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
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

    private async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
