using System.Text;
using Marsad.Core.Access;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Documents;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Events;

/// <summary>
/// The listing keeps the confidential names and the data's version between pages while the database stands
/// still; a change committed through another connection (another store, another process) must show at once.
/// </summary>
public sealed class EventListingFreshnessTests
{
    private static readonly ChangeContext Editor = new("editor");

    [Fact]
    public async Task A_source_made_confidential_elsewhere_is_masked_on_the_next_page()
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(folder);
        var ingest = await new IngestDocuments(store, TimeProvider.System)
            .RunAsync(new IngestRequest([folder.Write("a.txt", "Shells fell on an orchard near Maarzaf; one shepherd was hurt.")], null, "Quail Valley Monitor"), Editor);
        await store.Records.AddAsync(new ConflictEvent
        {
            Id = Guid.NewGuid(),
            SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
            Date = DateSpan.OnDay(new DateOnly(2022, 5, 3)),
            Actor1 = "Military Forces of Syria (2000-)",
            Location = new Location("Maarzaf", null, "Hama", "Hama", null, new GeoPoint(35.2, 36.6), GeoPrecision.Place),
            Summary = "Quail Valley Monitor reported shelling of an orchard.",
            DocumentIds = [ingest.Outcomes[0].DocumentId!.Value],
        }, Editor);

        var before = Assert.Single(await store.Events.ListJsonAsync(new EventQuery(), Role.Viewer));
        var versionBefore = await store.Events.DataVersionAsync(Role.Viewer);
        Assert.Equal(["Quail Valley Monitor"], before.Sources);
        Assert.Contains("Quail Valley Monitor", Encoding.UTF8.GetString(before.Payload.Span), StringComparison.Ordinal);

        var other = await TestStore.OpenAsync(folder);
        await other.Sources.SaveAsync("Quail Valley Monitor", SourceKind.FieldNetwork, confidential: true, null, null);

        var after = Assert.Single(await store.Events.ListJsonAsync(new EventQuery(), Role.Viewer));
        Assert.NotEqual(versionBefore, await store.Events.DataVersionAsync(Role.Viewer));
        Assert.Equal([RoleRules.ConfidentialSourceName], after.Sources);
        Assert.DoesNotContain("quail valley monitor", Encoding.UTF8.GetString(after.Payload.Span), StringComparison.OrdinalIgnoreCase);
        // Editors still see the name, in the sources and in the text.
        var editor = Assert.Single(await store.Events.ListJsonAsync(new EventQuery(), Role.Editor));
        Assert.Equal(["Quail Valley Monitor"], editor.Sources);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_publics_version_moves_only_with_changes_that_reach_published_events(DatabaseProvider provider)
    {
        using var folder = new TempFolder();
        var store = await TestStore.OpenAsync(provider, folder);
        ConflictEvent Event(EventStatus status) => new()
        {
            Id = Guid.NewGuid(),
            SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
            Date = DateSpan.OnDay(new DateOnly(2022, 5, 3)),
            Actor1 = "Military Forces of Syria (2000-)",
            Location = new Location("Maarzaf", null, "Hama", "Hama", null, null, null),
            Summary = "Shelling of an orchard.",
            Status = status,
        };
        var shown = await store.Records.AddAsync(Event(EventStatus.Published), Editor);
        var proposal = await store.Records.AddAsync(Event(EventStatus.Extracted), Editor);
        var (publicBefore, viewerBefore) = (await store.Events.DataVersionAsync(Role.Public), await store.Events.DataVersionAsync(Role.Viewer));

        // A coder's decision on a proposal: the team sees it, the public's pages cannot have changed.
        var accepted = await store.Records.UpdateAsync(proposal.Value with { Status = EventStatus.Reviewed }, proposal.Version, Editor);
        Assert.NotEqual(viewerBefore, await store.Events.DataVersionAsync(Role.Viewer));
        Assert.Equal(publicBefore, await store.Events.DataVersionAsync(Role.Public));

        // Publishing it, editing a published event and withdrawing one each move the public's version on.
        var versions = new List<string> { publicBefore };
        var published = await store.Records.UpdateAsync(accepted.Value with { Status = EventStatus.Published }, accepted.Version, Editor);
        versions.Add(await store.Events.DataVersionAsync(Role.Public));
        await store.Records.UpdateAsync(shown.Value with { Summary = "Shelling of an orchard and a road." }, shown.Version, Editor);
        versions.Add(await store.Events.DataVersionAsync(Role.Public));
        await store.Records.UpdateAsync(published.Value with { Status = EventStatus.Reviewed }, published.Version, Editor);
        versions.Add(await store.Events.DataVersionAsync(Role.Public));
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Single(await store.Events.ListJsonAsync(new EventQuery(), Role.Public));
    }
}
