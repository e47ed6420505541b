using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Domain.Events;

namespace Marsad.Web.Tests;

/// <summary>A coder decides only proposals awaiting review, only fields review may change, always naming the version.</summary>
[Collection(LeakSiteCollection.Name)]
public sealed class DecisionRightsTests(LeakSite site)
{
    [Fact]
    public async Task A_coder_cannot_reject_hide_or_grade_a_published_event_through_review()
    {
        using var coder = site.Site.Client(site.Site.Tokens[Role.Coder]);
        var published = (await site.Site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Published, Limit = 1 }, Role.Editor))[0];
        foreach (var body in new[]
        {
            Decision(published.Event.Id, "reject", published.Version),
            Decision(published.Event.Id, "edit", published.Version, new JsonObject { ["merged_into"] = Guid.NewGuid().ToString("D") }),
            Decision(published.Event.Id, "edit", published.Version, new JsonObject { ["grade_fixed"] = true }),
        })
        {
            var response = await coder.PostAsJsonAsync("/api/review/decisions", body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var after = (await site.Site.Store.Events.FindAsync(published.Event.Id, Role.Editor))!;
        Assert.Equal((EventStatus.Published, published.Version), (after.Event.Status, after.Version));
    }

    [Fact]
    public async Task A_decision_needs_its_version_known_fields_and_no_editor_field()
    {
        using var coder = site.Site.Client(site.Site.Tokens[Role.Coder]);
        var pending = (await site.Site.Store.Events.ListAsync(new EventQuery { Status = EventStatus.Extracted, Limit = 1 }, Role.Editor))[0];
        var id = pending.Event.Id;
        Assert.Equal(HttpStatusCode.BadRequest, (await coder.PostAsJsonAsync("/api/review/decisions", Decision(id, "accept", null))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coder.PostAsJsonAsync("/api/review/decisions", Decision(id, "edit", pending.Version, new JsonObject { ["fatality_count"] = 99 }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.PostAsJsonAsync("/api/review/decisions", Decision(id, "edit", pending.Version, new JsonObject { ["grade"] = "confirmed" }))).StatusCode);
        Assert.Equal(pending.Version, (await site.Site.Store.Events.FindAsync(id, Role.Editor))!.Version);

        Assert.Equal(HttpStatusCode.OK, (await coder.PostAsJsonAsync("/api/review/decisions", Decision(id, "edit", pending.Version, new JsonObject { ["summary"] = "checked against field notes" }))).StatusCode);
        // Now reviewed: no longer the coder's to decide.
        var reviewed = (await site.Site.Store.Events.FindAsync(id, Role.Editor))!;
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.PostAsJsonAsync("/api/review/decisions", Decision(id, "reject", reviewed.Version))).StatusCode);
    }

    private static JsonObject Decision(Guid id, string action, long? version, JsonObject? fields = null)
    {
        var body = new JsonObject { ["kind"] = "event", ["id"] = id.ToString("D"), ["action"] = action };
        if (version is { } v)
        {
            body["version"] = v;
        }

        if (fields is not null)
        {
            body["fields"] = fields;
        }

        return body;
    }
}
