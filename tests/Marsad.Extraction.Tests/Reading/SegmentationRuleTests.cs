using Marsad.Domain.Events;
using Marsad.Extraction.Geography;
using Marsad.Extraction.Tests.Geography;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Which place an incident happened at and where one incident ends; every sentence written for these tests.</summary>
public class SegmentationRuleTests
{
    private static ExtractionResult Read(string text, DateOnly? published = null) => ReportReadingTests.Read(text, published);

    [Fact]
    public void Listed_places_take_the_weapon_that_hit_them_not_a_bare_targeted()
    {
        var r = Read("""
            Escalation | Artillery duel in the north-east

            Al-Hasakah province: Turkish troops and allied factions stepped up their shelling of Kurdish-held areas in Tel Tamer countryside.
            Kurdish units answered with mortar fire on the allied groups, and a guided rocket strike targeted their positions in Umm Harmalah, Dawudiyah and Mahmudiyah near the front, with losses said to be heavy.
            """, new DateOnly(2024, 5, 2));
        var listed = r.Events.Where(e => e.Location?.Name is "Dawudiyah" or "Mahmudiyah").ToList();
        Assert.Equal(2, listed.Count);
        Assert.All(listed, e => Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, e.SubEventType));
    }

    [Fact]
    public void A_dateline_governorate_gives_way_to_the_countryside_the_sentence_names()
    {
        var r = Read("""
            Escalation | Artillery on the front line

            Al-Hasakah province: Turkish troops stepped up their shelling, which fell on hamlets along the front line in Tel Tamer countryside, north-west of the city.

            Separately, a drone hit a car near Amuda, without casualties.
            """, new DateOnly(2024, 5, 2));
        var shelling = Assert.Single(r.Events, e => e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
        Assert.Contains("Tel Tamer", shelling.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_area_of_a_victims_home_town_is_not_where_the_attack_happened()
    {
        var r = Read("""
            Desert war | Army post attacked

            Yesterday, a soldier from Hamouriyah town in eastern Ghouta was killed in an assault by jihadist cells on an army post in Deir Ezzor desert.

            Separately, a landmine went off in a field near Amuda, without casualties.
            """, new DateOnly(2024, 5, 2));
        var clash = Assert.Single(r.Events, e => e.SubEventType == AcledSubEventType.ArmedClash);
        Assert.NotEqual("Rural Damascus", clash.Location?.Admin1);
        Assert.DoesNotContain("Ghouta", clash.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_faction_named_like_a_place_is_no_place()
    {
        var r = Read("""
            Raid | Helicopter raid in the north

            Coalition helicopters landed troops overnight near a farm in the countryside, where a firefight broke out.

            In the exchange of fire the coalition force shot dead two members of the “Ahrar Manbij” factions gathered by the farm.
            """, new DateOnly(2024, 5, 2));
        Assert.DoesNotContain(r.Events, e => (e.Location?.Name ?? "").Contains("Manbij", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_paragraph_that_opens_on_the_incident_just_told_adds_to_it()
    {
        var r = Read("""
            Desert | Jets pound cells in the badia

            Russian jets carried out about twelve airstrikes on jihadist hideouts near Al-Sukhnah in the eastern countryside of Homs this morning.

            These airstrikes followed the deaths of seven soldiers in ambushes by the cells during the last three days.
            """, new DateOnly(2024, 5, 2));
        Assert.Single(r.Events);
    }

    [Fact]
    public void An_article_written_onto_a_governorate_name_still_names_it()
    {
        Assert.Equal("Deir Ez zor", GazetteerGeocoder.WithArticleApart("Deir Ezzor"));
        Assert.Null(GazetteerGeocoder.WithArticleApart("Idlib"));
        var geocoder = ShippedGazetteer.Geocoder;
        Assert.NotNull(geocoder.GovernorateNamed("Deir ez-Zor"));
        Assert.Equal(geocoder.GovernorateNamed("Deir ez-Zor"), geocoder.GovernorateNamed("Deir Ezzor"));
    }

    [Fact]
    public void A_paragraph_naming_only_the_base_the_raiders_took_off_from_adds_to_the_raid()
    {
        var r = Read("""
            Raid | Coalition airdrop in the north

            Coalition helicopters carried out an airdrop at dawn today in Al-Bab city in Aleppo countryside, hunting a jihadist leader.

            The helicopters used in the airdrop had taken off from Tabqa airport in Raqqa countryside. Heavy clashes broke out at the site of the airdrop, and the leader was killed.
            """, new DateOnly(2024, 5, 2));
        var raid = Assert.Single(r.Events);
        Assert.DoesNotContain("Tabqa", raid.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Aleppo", raid.Location?.Admin1);
    }
}
