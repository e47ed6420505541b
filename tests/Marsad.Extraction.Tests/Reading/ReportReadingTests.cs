using Marsad.Domain.Common;
using Marsad.Domain.Events;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Output;
using Marsad.Extraction.Recognition.Actors;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Reports of several paragraphs, in the genre of an observatory's daily and monthly reports; every sentence written for these tests.</summary>
public class ReportReadingTests
{
    // The engine the CLI runs: the shipped gazetteer, not a stand-in table.
    private static readonly ExtractionEngine Engine = new(GazetteerGeocoder.LoadDefault(), ActorLexicon.Default);

    internal static ExtractionResult Read(string text, DateOnly? published = null) =>
        Engine.Extract(new DocumentInput(text, published, "Observatory"));

    [Fact]
    public void An_action_on_a_list_of_places_is_one_event_per_place()
    {
        var r = Read("""
            Frontline report | Shelling on villages of the south

            Government forces shelled the villages of Tal Harun, Kafr Salem and Deir Ballut in the southern countryside of Idlib this morning, without casualties.

            Meanwhile, observatory activists reported that the situation remains tense across the region.
            """, new DateOnly(2022, 3, 8));
        var names = r.Events.Select(e => e.Location?.Name).ToList();
        Assert.Equal(["Tal Harun", "Kafr Salem", "Deir Ballut"], names);
        Assert.All(r.Events, e => Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, e.SubEventType));
        Assert.All(r.Events, e => Assert.Equal("Military Forces of Syria (2000-)", e.Actor1));
        Assert.All(r.Events, e => Assert.Equal(DateSpan.OnDay(new DateOnly(2022, 3, 8)), e.Date));
        Assert.Equal(3, r.Events.Select(e => e.Evidence.Spans["location"]).Distinct().Count());
    }

    [Fact]
    public void The_same_place_reported_twice_for_one_day_is_one_event_with_the_later_toll()
    {
        var r = Read("""
            Daily report | Raids on the mountain villages

            Russian warplanes carried out airstrikes on the villages of Tal Harun and Kafr Salem this morning, and no casualties were reported at first.

            Later, observatory sources documented the death of a woman from wounds she sustained in the Russian airstrikes on the village of Kafr Salem.
            """, new DateOnly(2022, 3, 8));
        var kafr = Assert.Single(r.Events, e => e.Location?.Name == "Kafr Salem");
        Assert.Equal(1, kafr.Quantities[Quantities.Names.Fatalities].Low);
        Assert.Equal(2, r.Events.Length);
    }

    [Fact]
    public void Each_place_takes_the_kind_of_action_its_clause_reports()
    {
        var r = Read("""
            Daily report | Fighting and shelling

            Clashes broke out between government forces and opposition factions on the frontline of Tal Harun, while government forces shelled the villages of Kafr Salem and Deir Ballut with rockets this morning.

            The observatory renews its appeal to protect civilians.
            """, new DateOnly(2022, 3, 8));
        Assert.Equal(AcledSubEventType.ArmedClash, Assert.Single(r.Events, e => e.Location?.Name == "Tal Harun").SubEventType);
        Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, Assert.Single(r.Events, e => e.Location?.Name == "Kafr Salem").SubEventType);
        Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, Assert.Single(r.Events, e => e.Location?.Name == "Deir Ballut").SubEventType);
    }

    [Fact]
    public void An_undated_report_gets_no_invented_date_and_keeps_the_words()
    {
        var r = Read("""
            Daily report | Shelling on the south

            Government forces shelled the village of Tal Harun in the early hours of Friday, killing two civilians.

            Observatory activists documented an IED explosion in the village of Kafr Salem yesterday, injuring a man.
            """);
        Assert.True(r.Document.Undated);
        Assert.NotEmpty(r.Events);
        Assert.All(r.Events, e => Assert.True(e.Date.IsUnresolved));
        Assert.Contains(r.Events, e => e.DateText == "Friday");
        var json = ContractJsonWriter.ToJson(r);
        Assert.Contains("\"date\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"undated\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_with_its_year_resolves_without_a_publication_date()
    {
        var r = Read("""
            Monthly report | Violence in the east

            On 14 March 2022, gunmen attacked a checkpoint of government forces in the village of Tal Harun, killing three soldiers.

            The observatory continues to monitor the situation.
            """);
        var e = Assert.Single(r.Events);
        Assert.Equal(DateSpan.OnDay(new DateOnly(2022, 3, 14)), e.Date);
    }

    [Theory]
    [InlineData("2022-03-08", "2022-03-08")] // a Tuesday: "on Tuesday" is that day
    [InlineData("2022-03-10", "2022-03-08")]
    public void A_weekday_is_the_most_recent_such_day_on_or_before_publication(string published, string expected)
    {
        var r = Read("""
            Daily report | Attack on a checkpoint

            On Tuesday, gunmen attacked a checkpoint of government forces in the village of Tal Harun, killing three soldiers.

            The observatory continues to monitor the situation.
            """, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(r.Events).Date.Start);
    }

    [Fact]
    public void Cumulative_statistics_are_not_events()
    {
        var r = Read("""
            Statistics | The toll of the year

            Since the beginning of 2022, the observatory has documented the death of 140 people in the southern governorate, among them 35 civilians killed by unknown gunmen.

            Since June 2021, 61 fighters were killed in attacks by cells on positions of government forces in the desert.
            """, new DateOnly(2022, 9, 1));
        Assert.Empty(r.Events);
    }

    [Fact]
    public void Overflights_are_not_air_strikes()
    {
        var r = Read("""
            Daily report | Shelling on the south

            Government forces fired rockets on the village of Tal Harun this morning. Russian reconnaissance drones were seen flying over the area.

            The observatory continues to monitor the situation.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, e.SubEventType);
    }

    [Fact]
    public void A_breakdown_item_with_no_place_or_day_is_a_statistic()
    {
        var r = Read("""
            Monthly report | Deaths in the north-east

            The observatory documented the death of 20 people in the month. They are as follows:

            • Nine killed by Turkish airstrikes.

            • Four killed in family disputes.
            """, new DateOnly(2022, 10, 1));
        Assert.DoesNotContain(r.Events, e => e.Location?.Name is "Nine" or "Four");
        Assert.Empty(r.Events);
    }
}

/// <summary>Statements attributed to a party, written for these tests.</summary>
public class AttributedClaimTests
{
    [Fact]
    public void A_party_statement_is_an_unverified_claim()
    {
        var r = ReportReadingTests.Read("""
            Daily report | Attack on a base

            The Ministry of Interior announced that its forces killed five members of a cell near the village of Tal Harun.

            The observatory could not confirm the toll.
            """, new DateOnly(2022, 3, 8));
        var c = Assert.Single(r.Claims);
        Assert.Equal("Ministry of Interior", c.Claimant);
        Assert.Equal(Domain.Records.Verdict.Unverified, c.Verdict);
        Assert.Contains("killed five members", c.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_the_report_denies_is_false()
    {
        var r = ReportReadingTests.Read("""
            False news | Observatory denies a ministry's figures

            Observatory sources denied the news published by the Defence Ministry that twelve fighters were killed in the village of Tal Harun.

            The Defence Ministry stated that its forces repelled an attack by twelve fighters on its positions.
            """, new DateOnly(2022, 3, 8));
        Assert.Equal(2, r.Claims.Length);
        Assert.All(r.Claims, c => Assert.Equal(Domain.Records.Verdict.False, c.Verdict));
        Assert.Empty(r.Events);
    }

    [Fact]
    public void A_bare_verb_with_no_party_makes_no_claim_and_no_error()
    {
        var r = ReportReadingTests.Read("""
            Daily report | Calm

            As said, reported. The, stated: calm.

            Nothing else happened in the region today.
            """, new DateOnly(2022, 3, 8));
        Assert.Empty(r.Errors);
        Assert.All(r.Claims, c => Assert.False(string.IsNullOrWhiteSpace(c.Claimant)));
    }
}
