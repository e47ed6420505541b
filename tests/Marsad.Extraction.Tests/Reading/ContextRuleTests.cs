using Marsad.Domain.Events;

namespace Marsad.Extraction.Tests.Reading;

/// <summary>
/// What the words around a name or a sentence say of it: a given name, a compound, a governorate the text names, a border,
/// a denied claim retold, an anniversary, a count after a tally. Every report here is written for these tests.
/// </summary>
public class ContextRuleTests
{
    private static ExtractionResult Read(string text) => ReportReadingTests.Read(text);

    private static bool AnyPlace(ExtractionResult r, string name) =>
        r.Events.Any(e => e.Location?.Name?.Contains(name, StringComparison.OrdinalIgnoreCase) == true);

    [Fact]
    public void A_given_name_before_a_family_name_is_no_place()
    {
        var r = Read("""
            Daily report | A commander killed

            A drone strike killed Saleh Al-Haddadi, a commander of the faction, near Kafr Nabl in the southern countryside of Idlib.

            Regime forces also shelled Maarat al-Numan.
            """);
        Assert.False(AnyPlace(r, "Sala"));
        Assert.False(r.Events.Any(e => e.Location?.Admin1 == "As-Sweida"));
    }

    [Fact]
    public void A_name_introduced_by_known_as_is_no_place()
    {
        var r = Read("""
            Daily report | Factions fight

            Members of a faction beat a commander known as Abu Abdo Al-Halabi, which led to clashes between the two factions in Afrin city.

            Regime forces also shelled Maarat al-Numan.
            """);
        Assert.False(AnyPlace(r, "Abu Abdo"));
        Assert.True(AnyPlace(r, "Afrin"));
    }

    [Fact]
    public void Two_known_names_side_by_side_read_as_one_compound_in_the_governorate_the_sentence_names()
    {
        var r = Read("""
            Daily report | Shelling in the plain

            Regime forces shelled Kharbat al-Naqous, Qastoun and al-Ziyarah in Salah al-Ghab in Hama countryside.

            Russian warplanes also struck Kansafrah in Idlib countryside.
            """);
        Assert.NotEmpty(r.Events);
        Assert.DoesNotContain(r.Events, e => e.Location?.Admin1 == "As-Sweida");
    }

    [Fact]
    public void A_village_moves_to_its_namesake_in_the_governorate_the_sentence_names()
    {
        var r = Read("""
            Daily report | Shelling in the plain

            Government artillery hit Zayzoun, Tal Waset and Qastoun in the western Hama countryside, and Maarzita further north in Idlib.

            Russian warplanes also struck Kansafrah in Idlib countryside.
            """);
        var zayzoun = Assert.Single(r.Events, e => e.Location?.Name?.Contains("Zayz", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal("Hama", zayzoun.Location!.Admin1);
    }

    [Fact]
    public void A_loose_spelling_outside_every_governorate_the_report_names_loses_its_location()
    {
        var r = Read("""
            Idlib and Hama | Launchers deployed

            Regime forces shelled Kafr Oweid town in the southern countryside of Idlib.

            Regime forces also shelled Tal Bakir, causing material damage.
            """);
        Assert.DoesNotContain(r.Events, e => e.Location?.Admin1 == "Al-Hasakeh");
    }

    [Fact]
    public void A_place_named_as_a_border_is_no_target()
    {
        var r = Read("""
            Israeli strikes | Missiles on the south-west

            Israeli missiles struck around Beit Jinn, a village in the western Damascus countryside close to the border with the occupied Golan.

            Regime forces also shelled Maarat al-Numan.
            """);
        Assert.False(AnyPlace(r, "Golan"));
    }

    [Fact]
    public void Air_defences_make_an_unspecified_attack_an_air_strike()
    {
        var r = Read("""
            Israeli attack | Explosions in the capital

            Blasts shook Damascus tonight when an Israeli attack hit sites held by Iran-backed militias, and regime air defences tried to intercept it.

            Regime forces also shelled Maarat al-Numan.
            """);
        Assert.Contains(r.Events, e => e.SubEventType == AcledSubEventType.AirDroneStrike && e.Actor1?.Contains("Israel", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_comparison_with_another_incident_is_commentary()
    {
        var r = Read("""
            Israeli strike | A flat hit in the capital

            A civilian was killed by shrapnel from an Israeli strike on a flat in Kafr Sousa in Damascus.

            This killing is similar to the killing of Saleh Al-Haddadi after a drone targeted offices in Beirut.
            """);
        Assert.Single(r.Events);
    }

    [Fact]
    public void A_claim_the_report_denies_retold_after_the_denial_is_no_event()
    {
        var r = Read("""
            Al-Hasakah province | A false report

            Sources denied the news reported by Sputnik about an attack on a checkpoint. According to Sputnik, the attack killed four fighters in Al-Shaddadi.

            Regime forces shelled Maarat al-Numan.
            """);
        Assert.False(AnyPlace(r, "Shadad"));
        Assert.Contains(r.NotEvents, n => n.Reason == "recounts a claim the report denies");
    }

    [Fact]
    public void A_controlled_detonation_of_mines_is_disrupted_weapons_use()
    {
        var r = Read("""
            Al-Hasakah | Explosions heard

            Coalition engineers carried out the detonation of land mines near Al-Shaddadi, south of Al-Hasakah, and blasts were heard across the area.

            Regime forces shelled Maarat al-Numan.
            """);
        Assert.Contains(r.Events, e => e.SubEventType == AcledSubEventType.DisruptedWeaponsUse);
    }

    [Fact]
    public void An_anniversary_and_a_retrospective_with_vague_counts_are_no_incidents()
    {
        var r = Read("""
            Five years on | The campaign in numbers

            The International Coalition completes today, March 3, its fifth year of military operations in Syria. Since then, it has carried out scores of airstrikes against its opponents.

            Regime forces shelled Maarat al-Numan.
            """);
        var e = Assert.Single(r.Events);
        Assert.Contains("Numan", e.Location?.Name ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains(r.NotEvents, n => n.Reason == "anniversary or retrospective of a campaign");
    }

    [Fact]
    public void A_counted_line_after_a_tally_is_part_of_it_whatever_names_it_lists()
    {
        var r = Read("""
            Six years on | The toll

            Since March 2017, activists documented the death of 1,200 people in strikes by the International Coalition. The fatalities are distributed as follows:

            • 900 fighters and leaders, among them Abu Karim Al-Tunsi and Abu Omar Al-Shishani.

            • 300 civilians.
            """);
        Assert.Empty(r.Events);
    }

    [Fact]
    public void More_of_the_incident_told_during_the_operation_joins_it()
    {
        var r = Read("""
            Airdrop | Three killed

            Coalition forces carried out an airdrop in Al-Suwaidah village in Jarabulus countryside, killing two fighters of a faction.

            A commander was also killed by coalition troops during the operation; he had lived in the Manbij area and sold cars there.
            """);
        Assert.False(AnyPlace(r, "Manbij"));
        Assert.Single(r.Events);
    }

    [Fact]
    public void One_place_under_two_spellings_on_the_same_day_is_one_event()
    {
        var r = Read("""
            Daily report | Air strikes

            A child died of wounds from a Russian air strike on the surroundings of Kansafrah town in Idlib countryside.

            Russian warplanes renewed their strikes in the early hours of Friday on the vicinity of Kansfarah town in Idlib countryside.
            """);
        Assert.Single(r.Events, e => e.SubEventType == AcledSubEventType.AirDroneStrike);
    }
}
