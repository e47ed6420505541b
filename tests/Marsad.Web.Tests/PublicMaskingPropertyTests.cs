using Marsad.Core.Access;
using Marsad.Core.Events;

namespace Marsad.Web.Tests;

/// <summary>
/// Property: whatever the public asks (random filters, every format, every page, every event, every register),
/// no response contains the confidential network's name or any sensitive field of the detainee. The team
/// below editor never sees the confidential name either. Queries are drawn from a fixed seed, so a failure repeats.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PublicMaskingPropertyTests(DemoSite site)
{
    private static readonly string[] Formats = ["json", "geojson", "csv", "acled", "ucdp", "hxl", "jsonl"];

    [Fact]
    public async Task No_public_response_names_a_confidential_source_or_a_sensitive_person_field()
    {
        var published = await site.Store.Events.ListAsync(new EventQuery { Limit = 10_000 }, Role.Public);
        Assert.Contains(published, e => e.Sources.Contains(RoleRules.ConfidentialSourceName));
        var paths = new List<string> { "/api/persons", "/api/claims", "/api/allegations", "/api/events/deletions", "/openapi/v1.json" };
        paths.AddRange(published.Select(e => $"/api/events/{e.Event.Id}"));
        paths.AddRange(RandomQueries(published, new Random(20261123), 150));
        using var anonymous = site.Client();
        using var viewer = site.Client(site.Tokens[Role.Viewer]);
        using var coder = site.Client(site.Tokens[Role.Coder]);
        var checkedBytes = 0L;
        foreach (var path in paths)
        {
            var body = await anonymous.GetStringAsync(path);
            checkedBytes += body.Length;
            Assert.DoesNotContain(DemoSite.ConfidentialSource, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Nightjar", body, StringComparison.OrdinalIgnoreCase);
            foreach (var value in DemoSite.SensitivePersonValues)
            {
                Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
            }

            foreach (var team in new[] { viewer, coder })
            {
                Assert.DoesNotContain("Nightjar", await team.GetStringAsync(path), StringComparison.OrdinalIgnoreCase);
            }
        }

        // The team's own routes (history, review queue) scrub the name for everyone below editor too.
        var teamPaths = published.Select(e => $"/api/audit/{e.Event.Id}").Append("/api/review").Append("/api/documents").ToList();
        foreach (var path in teamPaths)
        {
            foreach (var team in new[] { viewer, coder })
            {
                using var response = await team.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    Assert.DoesNotContain("Nightjar", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        // The property is not vacuous: the detainee is listed by name, and editors do see the network's name.
        Assert.Contains("Karim Test-Detainee", await anonymous.GetStringAsync("/api/persons"), StringComparison.Ordinal);
        using var editor = site.Client(site.Tokens[Role.Editor]);
        Assert.Contains(DemoSite.ConfidentialSource, await editor.GetStringAsync("/api/events?format=csv&text=Kafr"), StringComparison.Ordinal);
        Assert.Contains("a single source: " + DemoSite.ConfidentialSource, await editor.GetStringAsync("/api/events?text=Kafr"), StringComparison.Ordinal);
        Assert.Contains(DemoSite.SensitivePersonValues[1], await editor.GetStringAsync("/api/persons"), StringComparison.Ordinal);
        var secretEvent = published.First(e => e.Sources.Contains(RoleRules.ConfidentialSourceName)).Event.Id;
        Assert.Contains(DemoSite.ConfidentialSource, await editor.GetStringAsync($"/api/audit/{secretEvent}"), StringComparison.Ordinal);
        Assert.True(checkedBytes > 50_000, $"only {checkedBytes} characters of public output checked");
    }

    private static IEnumerable<string> RandomQueries(IReadOnlyList<EventListItem> events, Random random, int count)
    {
        T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
        var types = events.Select(e => e.Event.EventType.Label).Distinct().ToList();
        var subTypes = events.Select(e => e.Event.SubEventType.Label).Distinct().ToList();
        var admin1 = events.Select(e => e.Event.Location?.Admin1).OfType<string>().Distinct().ToList();
        var actors = events.Select(e => e.Event.Actor1).OfType<string>().Distinct().ToList();
        var words = new[] { "Idlib", "Kafr", "Ariha", "killed", "drone", "shell" };
        for (var i = 0; i < count; i++)
        {
            var query = new List<string> { "format=" + Pick(Formats) };
            void Maybe(string name, Func<string> value)
            {
                if (random.NextDouble() < 0.3)
                {
                    query.Add(name + "=" + Uri.EscapeDataString(value()));
                }
            }

            Maybe("type", () => Pick(types));
            Maybe("sub_type", () => Pick(subTypes));
            Maybe("admin1", () => admin1.Count > 0 ? Pick(admin1) : "Idlib");
            Maybe("actor", () => actors.Count > 0 ? Pick(actors) : "x");
            Maybe("text", () => Pick(words));
            Maybe("from", () => $"{random.Next(2019, 2025)}-0{random.Next(1, 10)}-01");
            Maybe("status", () => Pick(new[] { "published", "extracted", "rejected", "reviewed" }));
            Maybe("grade", () => Pick(new[] { "confirmed", "fair", "weak", "contested" }));
            Maybe("bbox", () => "35.5,35.0,37.0,36.7");
            Maybe("limit", () => random.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
            yield return "/api/events?" + string.Join("&", query);
        }
    }
}
