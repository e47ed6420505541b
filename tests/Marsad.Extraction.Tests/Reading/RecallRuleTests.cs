using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Breakdowns, places in lists, routes and parties referred back to; every sentence written for these tests.</summary>
public class RecallRuleTests
{
    private static ExtractionResult Read(string text, DateOnly? published = null) => ReportReadingTests.Read(text, published);

    [Fact]
    public void Each_item_of_a_breakdown_is_an_event_with_the_actor_and_day_of_the_lede()
    {
        var r = Read("""
            Air campaign | Nine raids on the west

            Russian warplanes carried out nine airstrikes on the western countryside of Aleppo on Monday. The raids were spread as follows:

            - Western countryside

              • Two airstrikes on Kafr Halab

              • Three airstrikes on the outskirts of Daret Izza village

              • Four airstrikes on Atarib town
            """, new DateOnly(2024, 3, 6));
        Assert.Equal(3, r.Events.Count()); // the lede that announces the breakdown is summed up by its items
        Assert.All(r.Events, e =>
        {
            Assert.Equal(AcledSubEventType.AirDroneStrike, e.SubEventType);
            Assert.Equal("Military Forces of Russia (2000-)", e.Actor1);
            Assert.Equal(DateSpan.OnDay(new DateOnly(2024, 3, 4)), e.Date);
            Assert.Equal("Aleppo", e.Location?.Admin1);
        });
    }

    [Fact]
    public void A_lede_that_does_not_announce_a_breakdown_keeps_its_own_event()
    {
        var r = Read("""
            Air campaign | Raids on the west

            On Monday Russian warplanes bombed the edge of Atarib town, west of Aleppo city.

              • Two airstrikes on Kafr Halab
            """, new DateOnly(2024, 3, 6));
        Assert.Equal(2, r.Events.Count());
        Assert.All(r.Events, e => Assert.Equal("Military Forces of Russia (2000-)", e.Actor1));
    }

    [Fact]
    public void The_forces_refers_back_to_the_last_party_named()
    {
        var r = Read("""
            Daily report | Shelling in the south

            Russian warplanes were seen over the region of Jabal al-Zawiya in the morning, according to observatory activists.

            The warplanes then bombed the surroundings of Kansafra in the southern countryside of Idlib, without casualties.
            """, new DateOnly(2024, 3, 6));
        var e = Assert.Single(r.Events);
        Assert.Equal("Military Forces of Russia (2000-)", e.Actor1);
    }

    [Fact]
    public void A_referring_subject_is_not_resolved_to_the_party_it_attacks()
    {
        var r = Read("""
            Daily report | Shelling on the plain

            Regime forces were reinforced at their positions on the plain overnight, according to local sources.

            The forces also targeted positions of regime forces near Kafr Nabl in the southern countryside of Idlib with artillery shells.
            """, new DateOnly(2024, 3, 6));
        Assert.All(r.Events, e => Assert.NotEqual(e.Actor2, e.Actor1));
    }

    [Fact]
    public void A_road_between_two_places_is_one_place_and_keeps_the_toll()
    {
        var r = Read("""
            Daily report | Drone strike on a car

            A drone of the International Coalition struck a car on the road between Sarmin and Saraqib in the eastern countryside of Idlib, killing two men.

            Observatory activists said the area remains tense.
            """, new DateOnly(2024, 3, 6));
        var e = Assert.Single(r.Events);
        Assert.Equal(2, e.Quantities[Quantities.Names.Fatalities].Low);
    }

    [Fact]
    public void Every_place_of_a_list_lies_in_the_area_named_after_the_list()
    {
        var r = Read("""
            Daily report | Shelling on villages

            Government forces shelled Bayanin, Kafr Nabl and Maarrat Harma in the southern countryside of Idlib this morning.

            Observatory activists said the area remains tense.
            """, new DateOnly(2024, 3, 6));
        Assert.True(r.Events.Count() >= 2);
        Assert.All(r.Events, e => Assert.Equal("Idleb", e.Location?.Admin1));
    }

    [Fact]
    public void Fighter_jets_striking_a_place_is_an_air_strike()
    {
        var r = Read("""
            Daily report | Raids in the east

            This morning fighter jets hit a post close to Al-Mayadin town, east of Deir ez-Zor city.

            Observatory activists said the area remains tense.
            """, new DateOnly(2024, 3, 6));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.AirDroneStrike, e.SubEventType);
        Assert.Equal("Deir-ez-Zor", e.Location?.Admin1);
    }

    [Fact]
    public void A_dateline_puts_its_section_in_its_governorate()
    {
        var r = Read("""
            Daily report | Security incidents

            Aleppo province: Turkish forces shelled the outskirts of Tal Rifaat this morning, without casualties.

            Deir ez-Zor province: Unidentified gunmen shot dead a shepherd in Karama on Monday.
            """, new DateOnly(2024, 3, 6));
        var shot = Assert.Single(r.Events, e => e.Location?.Name is { } n && n.Contains("Karama", StringComparison.Ordinal));
        Assert.Equal("Deir-ez-Zor", shot.Location?.Admin1); // not the better-known Karama of Ar-Raqqa
    }

    [Fact]
    public void Without_a_dateline_a_place_keeps_its_best_known_reading()
    {
        var r = Read("""
            Daily report | Security incidents

            Turkish forces shelled the outskirts of Tal Rifaat in Aleppo this morning, without casualties.

            Unidentified gunmen shot dead a shepherd in Karama on Monday, in a separate incident reported from Deir Ezzor and Raqqa.
            """, new DateOnly(2024, 3, 6));
        var shot = Assert.Single(r.Events, e => e.Location?.Name is { } n && n.Contains("Karama", StringComparison.Ordinal));
        Assert.Equal("Ar-Raqqa", shot.Location?.Admin1);
    }
}
