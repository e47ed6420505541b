using Marsad.Domain.Common;
using Marsad.Domain.Events;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>Rules for undated reports, unnamed perpetrators and stated totals; every sentence written for these tests.</summary>
public class ReportRuleTests
{
    private static ExtractionResult Read(string text, DateOnly? published = null) => ReportReadingTests.Read(text, published);

    [Fact]
    public void In_an_undated_report_a_day_and_month_take_the_latest_year_the_text_names()
    {
        var r = Read("""
            Since early 2021 | Old mines keep killing shepherds

            The observatory has followed the toll of war remnants since the start of 2019 and again since early 2021.

            On February 9, a shepherd was killed by the explosion of an old landmine near the village of Kafr Salem in the countryside of Idlib.
            """);
        Assert.True(r.Document.Undated);
        var e = Assert.Single(r.Events);
        Assert.Equal(DateSpan.OnDay(new DateOnly(2021, 2, 9)), e.Date);
    }

    [Fact]
    public void In_an_undated_report_a_weekday_stays_unresolved_even_when_a_year_is_named()
    {
        var r = Read("""
            Daily report | Shelling on the south

            Government forces shelled the village of Tal Harun on Friday, killing two civilians, in the worst day since early 2021.
            """);
        Assert.All(r.Events, e => Assert.True(e.Date.IsUnresolved));
    }

    [Fact]
    public void A_count_of_people_is_not_taken_for_a_year()
    {
        var r = Read("""
            Displacement report | Families leave the plain

            About 2030 families left the plain. On March 4, government forces shelled the village of Tal Harun in the countryside of Idlib.
            """);
        Assert.All(r.Events, e => Assert.True(e.Date.IsUnresolved));
    }

    [Fact]
    public void A_mine_with_no_named_planter_is_laid_by_an_unidentified_group_and_the_named_force_is_its_target()
    {
        var r = Read("""
            Daily report | Mine blast in the east

            Two soldiers of the regime forces were killed when a landmine exploded under their vehicle near the village of Kafr Salem in the countryside of Idlib this morning.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor1);
        Assert.StartsWith("Military Forces of Syria", e.Actor2, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mine_planted_by_a_named_group_keeps_that_group_as_the_perpetrator()
    {
        var r = Read("""
            Daily report | Mine blast in the east

            A civilian was killed this morning by an explosive device planted by ISIS cells near the village of Kafr Salem in the countryside of Idlib.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
        Assert.Equal("Islamic State (Syria)", e.Actor1);
    }

    [Fact]
    public void A_group_that_is_the_subject_of_a_mine_attack_stays_its_perpetrator()
    {
        var r = Read("""
            Daily report | Mine blast in the east

            ISIS cells detonated an explosive device targeting a patrol of the regime forces near the village of Kafr Salem in the countryside of Idlib this morning.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
        Assert.Equal("Islamic State (Syria)", e.Actor1);
    }

    [Fact]
    public void A_kidnapping_by_someone_unnamed_is_coded_to_an_unidentified_group()
    {
        var r = Read("""
            Daily report | Kidnapping in the south

            A young man was kidnapped this morning in the village of Kafr Salem in the countryside of Idlib while he was driving to work.
            """, new DateOnly(2022, 3, 8));
        var e = Assert.Single(r.Events);
        Assert.Equal(AcledSubEventType.AbductionForcedDisappearance, e.SubEventType);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor1);
    }

    [Fact]
    public void A_stated_toll_against_its_monthly_lines_counts_people_not_attacks()
    {
        var r = Read("""
            Drone attacks | A fighter killed near the border

            Since early 2023, drone attacks on the region have reached 20. These attacks left 15 people dead, including a child, and over 30 others injured; they are distributed as follows:

            • January: Four attacks left four people dead and nine others injured.

            • February: Nine attacks killed six people and injured 12 others.

            • March: Two attacks injured three people.

            • April: Five attacks left four people dead and nine others injured.
            """);
        var check = Assert.Single(r.Checks, c => c.Kind == "figure_mismatch");
        Assert.Contains("4 + 6 + 0 + 4 = 14", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_lines_that_add_up_to_the_stated_toll_raise_nothing()
    {
        var r = Read("""
            Drone attacks | A fighter killed near the border

            Since early 2023, drone attacks on the region have reached 20. These attacks left 14 people dead, including a child, and over 30 others injured; they are distributed as follows:

            • January: Four attacks left four people dead and nine others injured.

            • February: Nine attacks killed six people and injured 12 others.

            • March: Two attacks injured three people.

            • April: Five attacks left four people dead and nine others injured.
            """);
        Assert.DoesNotContain(r.Checks, c => c.Kind == "figure_mismatch");
    }

    [Fact]
    public void A_stated_total_that_its_inline_breakdown_does_not_add_up_to_is_flagged()
    {
        var r = Read("""
            Monthly toll | Violence in the east

            Since early 2023, the observatory has counted attacks that left 40 people dead: 12 civilians, including two women and a child, 20 soldiers and 7 fighters of local factions.
            """);
        var check = Assert.Single(r.Checks, c => c.Kind == "figure_mismatch");
        Assert.Contains("40", check.Message, StringComparison.Ordinal);
        Assert.Contains("39", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulleted_breakdown_that_adds_up_raises_nothing_and_one_item_per_person_counts()
    {
        var r = Read("""
            Monthly toll | Violence in the east

            The observatory documented the death of 9 people, they are as follows:

            • Four soldiers, including an officer.

            • A man and a woman killed by gunmen.

            • Three fighters of a local faction.

            Regional distribution: the east saw 30 attacks.
            """);
        Assert.DoesNotContain(r.Checks, c => c.Kind == "figure_mismatch");
    }

    [Fact]
    public void A_bulleted_breakdown_that_falls_short_is_flagged()
    {
        var r = Read("""
            Monthly toll | Violence in the east

            The observatory documented the death of 11 people, they are as follows:

            • Four soldiers, including an officer.

            • A man and a woman killed by gunmen.

            • Three fighters of a local faction.
            """);
        Assert.Contains(r.Checks, c => c.Kind == "figure_mismatch" && c.Message.Contains("= 9", StringComparison.Ordinal));
    }

    [Fact]
    public void An_approximate_or_bounded_total_is_not_checked_against_its_breakdown()
    {
        var r = Read("""
            Monthly toll | Violence in the east

            These attacks left nearly 40 people dead: 12 civilians, 20 soldiers and 7 fighters.

            These attacks left more than 50 people injured: 12 civilians and 20 soldiers.
            """);
        Assert.DoesNotContain(r.Checks, c => c.Kind == "figure_mismatch");
    }

    [Theory]
    [InlineData("nearly 25", false)]
    [InlineData("40", true)]
    public void A_rounded_headline_figure_close_to_the_body_is_no_mismatch(string headline, bool flagged)
    {
        var r = Read($"""
            Security campaign | Raids in the east end with the arrest of {headline} people

            The Syrian Democratic Forces arrested 23 people in raids on the village of Kafr Salem in the countryside of Deir ez-Zor this morning.
            """, new DateOnly(2022, 3, 8));
        Assert.Equal(flagged, r.Checks.Any(c => c.Kind == "figure_mismatch"));
    }

    [Fact]
    public void In_an_undated_report_yesterday_and_the_report_day_are_two_events_at_one_place()
    {
        var r = Read("""
            Daily report | Shelling on the south

            Government forces shelled the village of Kafr Salem in the countryside of Idlib, without casualties.

            Yesterday, government forces shelled the village of Kafr Salem in the countryside of Idlib as well.
            """);
        Assert.Equal(2, r.Events.Count(e => e.Location?.Name == "Kafr Salem"));
    }

    [Fact]
    public void A_plural_closing_a_list_of_shelled_places_keeps_every_place()
    {
        var r = Read("SOHR activists reported renewed bombardment.\n\nRegime forces shelled Kafr Nabl and Fuliful neighbourhoods in south Idlib.", new DateOnly(2021, 5, 5));
        var names = r.Events.Select(e => e.Location?.Name).ToList();
        Assert.Contains("Kafr Nabl", names);
        Assert.Contains("Fuliful", names);
    }

    [Fact]
    public void A_list_opening_with_an_unknown_name_keeps_that_name()
    {
        var r = Read("SOHR activists reported renewed bombardment.\n\nRegime forces fired rockets on Qarnabit, Kafr Nabl and Hass in south Idlib.", new DateOnly(2021, 5, 5));
        var names = r.Events.Select(e => e.Location?.Name).ToList();
        Assert.Contains("Qarnabit", names);
        Assert.Contains("Kafr Nabl", names);
        Assert.Equal(3, names.Count);
    }
}
