using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Tolls, actors, headline checks and claim clean-up in reports; every sentence written for these tests.</summary>
public class TollActorCheckRuleTests
{
    private static ExtractionResult Read(string text, DateOnly? published = null) => ReportReadingTests.Read(text, published);

    [Fact]
    public void Items_of_a_long_breakdown_under_sub_headings_keep_the_actor_of_its_lede()
    {
        var r = Read("""
            Air raids | Jets pound the south

            On Monday, the observatory counted eleven airstrikes carried out by Russian jets on the region. The strikes were spread as follows:

            -Southern countryside

            • Two airstrikes on Kafr Nabl

            • Three airstrikes on Hass

            • One airstrike on Maarzita

            • Two airstrikes on Ariha

            -Eastern countryside

            • Three airstrikes on Saraqib
            """, new DateOnly(2022, 3, 8));
        var strikes = r.Events.Where(e => e.SubEventType == AcledSubEventType.AirDroneStrike).ToList();
        Assert.True(strikes.Count >= 4);
        Assert.All(strikes, e => Assert.Equal("Military Forces of Russia (2000-)", e.Actor1));
    }

    [Fact]
    public void Forces_that_shell_positions_of_the_party_named_before_them_are_an_unidentified_group()
    {
        var r = Read("""
            Daily report | Shelling in the west

            Regime forces shelled the village of Kafr Nabl in the south of Idlib this morning.

            The forces also shelled positions of the regime forces in Saraqib with heavy artillery.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events, e => e.Location?.Name == "Saraqib");
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor1);
        Assert.StartsWith("Military Forces of Syria", e.Actor2, StringComparison.Ordinal);
    }

    [Fact]
    public void Aircraft_that_only_flew_over_are_no_party_to_the_shelling_told_with_them()
    {
        var r = Read("""
            Daily report | Shelling in the south

            The observatory monitored a flight of Russian reconnaissance planes over the south of Idlib, along with artillery shelling that hit the village of Kafr Nabl this morning.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events, e => e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
        Assert.NotEqual("Military Forces of Russia (2000-)", e.Actor1);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor1);
    }

    [Fact]
    public void A_person_whose_body_was_found_is_counted_dead()
    {
        var r = Read("""
            Daily report | Abduction in the north

            A farmer whose body was found in a field near the village of Kafr Nabl, two days after unknown gunmen had abducted him.
            """, new DateOnly(2022, 3, 8));
        Assert.Contains(r.Events, e => e.Quantities.TryGetValue(Quantities.Names.Fatalities, out var f) && f.Low == 1);
    }

    [Fact]
    public void An_item_of_a_list_of_deaths_counts_its_victim_even_without_a_verb()
    {
        var r = Read("""
            Remnants of war | Old mines kill three

            Since early 2022, the observatory has recorded the death of three civilians by remnants of war. The circumstances of these deaths were as follows:

            • On March 2, a 15-year-old boy in the blast of an old mine close to the village of Kafr Nabl in the countryside of Idlib.

            • On March 9, two farmers were killed by a cluster bomblet near Saraqib in the countryside of Idlib.
            """);
        var mine = Assert.Single(r.Events, e => e.Location?.Name == "Kafr Nabl");
        Assert.Equal(1, mine.Quantities[Quantities.Names.Fatalities].Low);
    }

    [Fact]
    public void An_item_of_a_list_of_strikes_is_not_a_death()
    {
        var r = Read("""
            Air raids | Jets pound the south

            On Monday, the observatory counted five airstrikes carried out by Russian jets on the region. The strikes were spread as follows:

            • Two airstrikes on a village near Kafr Nabl

            • Three airstrikes on Hass
            """, new DateOnly(2022, 3, 8));
        Assert.All(r.Events, e => Assert.Equal(0, e.Quantities[Quantities.Names.Fatalities].Low));
    }

    [Theory]
    [InlineData(18, true)]
    [InlineData(22, false)]
    public void A_headline_toll_against_the_body_tally_and_the_sentence_completing_it(int injured, bool flagged)
    {
        var r = Read($"""
            Since early 2023 | Remnants of war kill and injure 30 civilians

            Since early January, the observatory has recorded the death of eight civilians, including two children, by remnants of war. In addition, {injured} people were hurt and treated in hospitals.
            """);
        Assert.Equal(flagged, r.Checks.Any(c => c.Kind == "figure_mismatch"));
    }

    [Fact]
    public void A_headline_toll_against_a_month_tally_in_the_body()
    {
        var r = Read("""
            Eastern region in May 2023 | Nearly 40 deaths in acts of violence

            Monthly overview

            The observatory recorded the death of 61 people in May 2023 across the eastern region in acts of violence.
            """);
        var check = Assert.Single(r.Checks, c => c.Kind == "figure_mismatch");
        Assert.Contains("61", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clause_after_a_noun_that_looks_like_a_saying_verb_is_no_claim()
    {
        var r = Read("""
            Daily report | A commander is killed

            A drone struck a car near the village of Kafr Nabl this morning, killing a commander. The commander was the emir of the group's northern states, and he was also a trainer of new recruits in a jihadist faction.
            """, new DateOnly(2022, 3, 8));
        Assert.DoesNotContain(r.Claims, c => c.Statement.StartsWith("and ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_denied_report_of_an_attack_by_a_party_is_not_that_party_s_claim()
    {
        var r = Read("""
            Daily report | Calm on the front

            Observatory sources denied the news regarding an infiltration by the SDF into villages near Tal Abyad in the countryside of Raqqa this morning.
            """, new DateOnly(2022, 3, 8));
        Assert.DoesNotContain(r.Claims, c => c.Claimant.Contains("SDF", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_off_crowd_names_no_person()
    {
        var r = Read("""
            Abductees | Families wait for news

            Families in the east are still waiting for news about the fate of Ahmad Saleh Haddad, a teacher from the town, and hundreds of
            """);
        Assert.DoesNotContain(r.Persons, p => p.Name.EndsWith(" of", StringComparison.Ordinal));
    }
}
