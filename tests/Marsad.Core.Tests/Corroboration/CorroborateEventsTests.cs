using Marsad.Core.Access;
using Marsad.Core.Corroboration;
using Marsad.Core.Events;
using Marsad.Core.Intake;
using Marsad.Core.Storage;
using Marsad.Core.Tests.Support;
using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Core.Tests.Corroboration;

public sealed class CorroborateEventsTests
{
    private static readonly ChangeContext Editor = new("editor");

    private static async Task<(IMarsadStore Store, Guid[] Events)> TwoOutletsOneIncidentAsync(TempFolder folder)
    {
        var store = await TestStore.OpenAsync(folder);
        var ingest = new IngestDocuments(store, TimeProvider.System);
        var a = await ingest.RunAsync(new IngestRequest([folder.Write("a.txt", "Regime shelling killed four civilians in Kansafra.")], null, "Outlet A"), Editor);
        var b = await ingest.RunAsync(new IngestRequest([folder.Write("b.txt", "Four people died when shells hit Kansafra yesterday.")], null, "Outlet B"), Editor);
        var c = await ingest.RunAsync(new IngestRequest([folder.Write("c.txt", "Clashes in Tal Tamr left two fighters dead.")], null, "Outlet A"), Editor);
        ConflictEvent Event(Guid document, string place, double lat, double lon, int day, int killed, AcledSubEventType type) => new()
        {
            Id = Guid.NewGuid(),
            SubEventType = type,
            Date = DateSpan.OnDay(new DateOnly(2022, 1, day)),
            Actor1 = "Military Forces of Syria (2000-)",
            Actor2 = "Civilians (Syria)",
            Location = new Location(place, null, "Idleb", "Ariha", null, new GeoPoint(lat, lon), GeoPrecision.Place),
            Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(killed)),
            DocumentIds = [document],
        };
        var events = new[]
        {
            Event(a.Outcomes[0].DocumentId!.Value, "Kansafra", 35.62, 36.53, 17, 4, AcledSubEventType.ShellingArtilleryMissileAttack),
            Event(b.Outcomes[0].DocumentId!.Value, "Kansafra", 35.621, 36.532, 18, 4, AcledSubEventType.ShellingArtilleryMissileAttack),
            Event(c.Outcomes[0].DocumentId!.Value, "Tal Tamr", 36.65, 40.37, 17, 2, AcledSubEventType.ArmedClash),
        };
        foreach (var e in events)
        {
            await store.Records.AddAsync(e, Editor);
        }

        return (store, [.. events.Select(e => e.Id)]);
    }

    /// <summary>Six outlets report one shelling a day apart each, in drifting places: merges can enable further merges.</summary>
    private static async Task<IMarsadStore> DriftingReportsAsync(TempFolder folder)
    {
        var store = await TestStore.OpenAsync(folder);
        var ingest = new IngestDocuments(store, TimeProvider.System);
        for (var i = 0; i < 6; i++)
        {
            var outcome = await ingest.RunAsync(new IngestRequest([folder.Write($"r{i}.txt", $"Report {i}: regime shells hit Kansafra, casualties reported.")], null, $"Outlet {(char)('A' + i)}"), Editor);
            await store.Records.AddAsync(new ConflictEvent
            {
                Id = new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)i]),
                SubEventType = AcledSubEventType.ShellingArtilleryMissileAttack,
                Date = DateSpan.OnDay(new DateOnly(2022, 1, 10 + i)),
                Actor1 = "Military Forces of Syria (2000-)",
                Location = new Location("Kansafra", null, "Idleb", "Ariha", null, new GeoPoint(35.62 + (i * 0.004), 36.53), GeoPrecision.Place),
                Quantities = Quantities.Empty.With("fatalities", Quantity.Exactly(3 + (i % 2))),
                DocumentIds = [outcome.Outcomes[0].DocumentId!.Value],
            }, Editor);
        }

        return store;
    }

    [Fact]
    public async Task One_run_reaches_the_fixed_point_and_two_equal_records_merge_alike()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var store = await DriftingReportsAsync(first);
        var twin = await DriftingReportsAsync(second);

        var outcome = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(Editor);
        var again = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(Editor);
        var twinOutcome = await new CorroborateEvents(twin, new CorroborationOptions()).RunAsync(Editor);

        Assert.NotEmpty(outcome.Merges);
        Assert.Empty(again.Merges);
        Assert.Equal(outcome.Merges.Select(m => (m.Into, string.Join(",", m.Merged))), twinOutcome.Merges.Select(m => (m.Into, string.Join(",", m.Merged))));
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Two_outlets_reporting_one_incident_become_one_event_graded_fair_with_reasons()
    {
        using var folder = new TempFolder();
        var (store, ids) = await TwoOutletsOneIncidentAsync(folder);

        var outcome = await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(Editor);

        var merge = Assert.Single(outcome.Merges);
        Assert.Equal(new[] { ids[0], ids[1] }.Order(), new[] { merge.Into, merge.Merged.Single() }.Order());
        Assert.Contains("1 day(s) apart", merge.Reason, StringComparison.Ordinal);
        var standing = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.Equal(2, standing.Count);
        var shelling = standing.Single(i => i.Event.Location!.Name == "Kansafra");
        Assert.Equal(Grade.Fair, shelling.Event.Grade);
        Assert.Equal(["Outlet A", "Outlet B"], shelling.Sources.ToArray());
        Assert.Equal(Grade.Weak, standing.Single(i => i.Event.Location!.Name == "Tal Tamr").Event.Grade);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_merge_can_be_undone_and_both_events_stand_again()
    {
        using var folder = new TempFolder();
        var (store, _) = await TwoOutletsOneIncidentAsync(folder);
        var merge = (await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(Editor)).Merges.Single();

        await new UndoMerge(store, new CorroborationOptions()).RunAsync(merge.Merged[0], new ChangeContext("editor", "different incidents"));

        var standing = await store.Events.ListAsync(new EventQuery(), Role.Editor);
        Assert.Equal(3, standing.Count);
        Assert.All(standing, i => Assert.Single(i.Event.DocumentIds));
        Assert.All(standing, i => Assert.Equal(Grade.Weak, i.Event.Grade));
        var history = await store.Audit.ListAsync(merge.Merged[0]);
        Assert.Equal("different incidents", history[^1].Reason);
        Assert.True((await store.Audit.VerifyAsync()).Ok);
    }

    [Fact]
    public async Task An_editors_grade_is_kept()
    {
        using var folder = new TempFolder();
        var (store, ids) = await TwoOutletsOneIncidentAsync(folder);
        var clash = await store.Records.GetAsync<ConflictEvent>(ids[2]);
        await store.Records.UpdateAsync(clash!.Value with { Grade = Grade.Discounted, GradeFixed = true, GradeReason = "staged video" }, clash.Version, Editor);

        await new CorroborateEvents(store, new CorroborationOptions()).RunAsync(Editor);

        Assert.Equal(Grade.Discounted, (await store.Records.GetAsync<ConflictEvent>(ids[2]))!.Value.Grade);
    }
}
