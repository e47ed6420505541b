using System.Net;
using Marsad.Core.Access;
using Marsad.Core.Storage;
using Marsad.Domain.Events;
using Marsad.Domain.Records;

namespace Marsad.Web.Tests;

/// <summary>The registers on the web: filters, one record's page and the export, each as the caller's role may see it (Core/Access).</summary>
[Collection(LeakSiteCollection.Name)]
public sealed class RegistersWebTests(LeakSite site)
{
    [Fact]
    public async Task Filters_detail_and_export_show_each_role_only_what_it_may_see()
    {
        var store = site.Site.Store;
        var shown = new Person { Id = Guid.CreateVersion7(), Name = "Registerwebtest Shown", Status = PersonStatus.Missing, ReviewStatus = EventStatus.Published, Contacts = "brother, phone 0999-REGTEST" };
        var pending = new Person { Id = Guid.CreateVersion7(), Name = "Registerwebtest Pending", Status = PersonStatus.Missing };
        await store.Records.AddAsync(shown, new ChangeContext("editor"));
        await store.Records.AddAsync(pending, new ChangeContext("editor"));
        var prefix = shown.Id.ToString("D")[..23];

        using var anonymous = site.Site.Client();
        var list = await anonymous.GetStringAsync("/api/persons/filtered?text=Registerwebtest");
        Assert.Contains(shown.Id.ToString("D"), list, StringComparison.Ordinal);
        Assert.DoesNotContain(pending.Id.ToString("D"), list, StringComparison.Ordinal);
        Assert.DoesNotContain("0999-REGTEST", list, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.Id.ToString("D"), await anonymous.GetStringAsync("/api/persons/filtered?text=Registerwebtest&status=detained"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/persons/{pending.Id:D}")).StatusCode);
        var detail = await anonymous.GetStringAsync($"/api/persons/{shown.Id:D}");
        Assert.Contains("Registerwebtest Shown", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("0999-REGTEST", detail, StringComparison.Ordinal);
        var csv = await anonymous.GetAsync("/api/persons/export?text=Registerwebtest");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var body = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Registerwebtest Shown", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Registerwebtest Pending", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0999-REGTEST", body, StringComparison.Ordinal);

        using var editor = site.Site.Client(site.Site.Tokens[Role.Editor]);
        Assert.Contains("0999-REGTEST", await editor.GetStringAsync($"/api/persons/{prefix}"), StringComparison.Ordinal);
        Assert.Contains("Registerwebtest Pending", await editor.GetStringAsync("/api/persons/export?format=json&text=Registerwebtest"), StringComparison.Ordinal);
    }
}
