namespace Marsad.Extraction.Tests.Extraction;

public class ActorTests
{
    [Theory]
    [InlineData("Sukhnah, 4 April 2020: fighting erupted between regime forces and ISIS cells.", "Military Forces of Syria (2000-)", "Islamic State (Syria)")]
    [InlineData("On 4 April 2020, unknown gunmen attacked an SDF checkpoint in Hajin.", "Unidentified Armed Group (Syria)", "QSD: Syrian Democratic Forces")]
    [InlineData("On 4 April 2020, HTS clashed with the Turkistan Islamic Party near Saraqib.", "HTS: Hayat Tahrir al Sham", "TIP: Turkistan Islamic Party")]
    [InlineData("On 3 May 2020, fighters of Hamza Brigade, which operate under OPS, exchanged fire with the SDF west of Tal Tamr.", "Operation Peace Spring", "QSD: Syrian Democratic Forces")]
    [InlineData("On 3 May 2020, masked gunmen shot dead a sergeant of the regime's 4th Armored Division at his home in Nawa.", "Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-) 4th Armored Division")]
    [InlineData("On 3 May 2020, fighting broke out between regime troops and loyal militias, backed by Russian jets, and ISIS fighters in the desert east of Salamiyah.", "Military Forces of Syria (2000-)", "Islamic State (Syria)")]
    [InlineData("On 3 May 2020, clashes erupted between Hamza Brigade and Sultan Murad Division in Afrin over a house.", "Hamza Brigade", "Sultan Murad Division")]
    [InlineData("On 3 May 2020, the SDF, backed by Coalition helicopters, fought IS cells in Shuhayl.", "QSD: Syrian Democratic Forces", "Islamic State (Syria)")]
    [InlineData("On 3 May 2020, unknown gunmen, believed to be ISIS members, ambushed a regime patrol near Sukhnah.", "Islamic State (Syria)", "Military Forces of Syria (2000-)")]
    [InlineData("On 3 May 2020, the SDF and IS fighters clashed in Diban.", "QSD: Syrian Democratic Forces", "Islamic State (Syria)")]
    [InlineData("On 3 May 2020, Turkish-backed Sultan Murad Division fighters clashed with the YPG near Tal Rifaat.", "Sultan Murad Division", "YPG: Peoples Protection Units")]
    [InlineData("On 3 May 2020, regime troops battled the Islamic State near Sukhnah.", "Military Forces of Syria (2000-)", "Islamic State (Syria)")]
    [InlineData("On 3 May 2020, regime forces shelled rebel factions supported by HTS near Kabani.", "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham")]
    public void Finds_both_sides(string text, string a, string b)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), new[] { e.Actor1!, e.Actor2! }.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("On 8 June 2021, rebel fighters backed by Turkish artillery fought the YPG outside Tal Rifaat.", "Opposition Rebels (Syria)", "Military Forces of Turkey (2016-)")]
    [InlineData("On 8 June 2021, Turkish troops, backed by rebel factions, fought the YPG outside Tal Rifaat.", "Military Forces of Turkey (2016-)", "Opposition Rebels (Syria)")]
    [InlineData("On 8 June 2021, fighting broke out between pro-Turkey factions and the SDF near Ain Issa while Turkish guns shelled the village.", "Opposition Rebels (Syria)", "Military Forces of Turkey (2016-)")]
    public void Turkey_and_the_factions_it_backs_are_led_by_the_one_named_first(string text, string a1, string assoc)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(a1, e.Actor1);
        Assert.Contains(assoc, e.AssocActor1);
    }

    [Theory]
    [InlineData("On 14 May 2022, US warplanes bombed a militia depot on the edge of Mayadin.", "Military Forces of the United States (2021-)")]
    [InlineData("On 14 May 2019, American drones bombed a militia depot on the edge of Mayadin.", "Military Forces of the United States (2017-2021)")]
    [InlineData("On 14 May 2016, US aircraft bombed a militia depot on the edge of Mayadin.", "Military Forces of the United States (2009-2017)")]
    public void United_States_forces_take_the_name_of_the_administration_on_the_event_day(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(actor, e.Actor1);
    }

    [Fact]
    public void An_undated_event_takes_the_current_name_of_united_states_forces()
    {
        var e = Assert.Single(Extract.Engine.Extract(new DocumentInput("US warplanes bombed a militia depot on the edge of Mayadin.")).Events);
        Assert.True(e.Date.IsUnresolved);
        Assert.Equal("Military Forces of the United States (2021-)", e.Actor1);
    }

    [Fact]
    public void A_victims_former_side_is_not_a_party()
    {
        var e = Assert.Single(Extract.Run("On 8 June 2021, masked gunmen shot dead a former ISIS fighter outside his shop in Busra.").Events);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor1);
        Assert.Equal("Unidentified Armed Group (Syria)", e.Actor2);
    }

    [Theory]
    [InlineData("On 8 June 2021, an armed gang exchanged fire with regime police at a checkpoint in Jaramana.", "Unidentified Armed Group (Syria)")]
    [InlineData("On 8 June 2021, the YPG Anti-Terror Unit raided a hideout and clashed with IS cells in Raqqa.", "YPG: Peoples Protection Units - Anti-Terror Unit")]
    public void Gangs_and_named_units_are_read(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Contains(actor, new[] { e.Actor1, e.Actor2 });
    }

    [Fact]
    public void A_supporting_militia_is_an_associate_not_the_enemy()
    {
        var e = Assert.Single(Extract.Run("On 4 April 2020, regime forces and allied pro-regime militias clashed with rebels near Saraqib.").Events);
        Assert.Equal("Military Forces of Syria (2000-)", e.Actor1);
        Assert.Contains("Militia (Pro-Government)", e.AssocActor1);
        Assert.Equal("Opposition Rebels (Syria)", e.Actor2);
    }

    [Fact]
    public void The_acronym_IS_is_not_the_verb_is()
    {
        var e = Assert.Single(Extract.Run("On 4 April 2020, the checkpoint is where rebels clashed with regime forces near Saraqib.").Events);
        Assert.DoesNotContain("Islamic State (Syria)", new[] { e.Actor1, e.Actor2 });
    }

    [Theory]
    [InlineData("On 3 May 2020, rebel factions fired rockets at positions of regime forces in Kafr Nabl.", "Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")]
    [InlineData("On 3 May 2020, HTS shelled regime positions near Saraqib.", "HTS: Hayat Tahrir al Sham", "Military Forces of Syria (2000-)")]
    [InlineData("On 3 May 2020, Turkish forces shelled SDF posts in Tal Tamr.", "Military Forces of Turkey (2016-)", "QSD: Syrian Democratic Forces")]
    public void What_is_hit_is_the_second_side(string text, string a1, string a2)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(a1, e.Actor1);
        Assert.Equal(a2, e.Actor2);
    }

    [Fact]
    public void A_target_named_alone_is_not_made_the_attacker()
    {
        var e = Assert.Single(Extract.Run("Regime troops held their lines. On 3 May 2020, heavy artillery hit positions and headquarters of regime forces in Kafr Nabl.").Events);
        Assert.NotEqual("Military Forces of Syria (2000-)", e.Actor1);
        Assert.Equal("Military Forces of Syria (2000-)", e.Actor2);
    }

    [Fact]
    public void A_checkpoint_where_someone_is_arrested_is_not_a_target()
    {
        var e = Assert.Single(Extract.Run("On 3 May 2020, HTS arrested two men at an HTS checkpoint near Sarmada.").Events);
        Assert.Equal("HTS: Hayat Tahrir al Sham", e.Actor1);
    }

    [Fact]
    public void Clashes_between_two_sides_are_not_read_as_one_hitting_the_other()
    {
        var e = Assert.Single(Extract.Run("On 3 May 2020, the SDF clashed with ISIS cells near an SDF checkpoint in Hajin.").Events);
        Assert.Equal("QSD: Syrian Democratic Forces", e.Actor1);
        Assert.Equal("Islamic State (Syria)", e.Actor2);
    }

    [Theory]
    [InlineData("On 2 March 2021, Israeli jets struck a radar site near Masyaf.", "Military Forces of Israel (2009-2021)")]
    [InlineData("On 2 March 2022, Israeli jets struck a radar site near Masyaf.", "Military Forces of Israel (2021-2022)")]
    [InlineData("On 2 March 2023, Israeli jets struck a radar site near Masyaf.", "Military Forces of Israel (2022-)")]
    public void Israeli_forces_take_the_name_of_the_government_on_the_event_day(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text, "2023-06-01").Events);
        Assert.Contains(actor, new[] { e.Actor1, e.Actor2 });
    }

    [Fact]
    public void Air_defences_are_the_armed_forces_themselves()
    {
        var e = Assert.Single(Extract.Run("On 5 May 2020, Syrian air defences fired at Israeli missiles over the hills west of Masyaf.").Events);
        Assert.Contains("Military Forces of Syria (2000-)", new[] { e.Actor1, e.Actor2 });
    }

    [Theory]
    [InlineData("On 5 May 2020, during a quarrel about a shop in Afrin, Hamza Division fighters clashed with each other.", "Hamza Division - Aleppo")]
    [InlineData("On 5 May 2020, a Sultan Murad Division fighter shot and wounded a commander of the same division in Afrin.", "Sultan Murad Division")]
    [InlineData("On 5 May 2020, SDF fighters exchanged fire among themselves at a checkpoint in Shaddadi.", "QSD: Syrian Democratic Forces")]
    public void A_fight_inside_one_group_has_the_group_on_both_sides(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(actor, e.Actor1);
        Assert.Equal(actor, e.Actor2);
    }

    [Fact]
    public void Two_groups_firing_at_each_other_are_not_one_group_fighting_itself()
    {
        var e = Assert.Single(Extract.Run("On 5 May 2020, Hamza Brigade and Sultan Murad Division fighters fired at each other in Afrin.").Events);
        Assert.Equal("Hamza Brigade", e.Actor1);
        Assert.NotEqual("Hamza Brigade", e.Actor2);
    }

    [Fact]
    public void An_arrest_of_another_groups_members_is_a_clash_between_the_two()
    {
        var e = Assert.Single(Extract.Run("On 5 May 2020, HTS fighters detained three members of Ahrar al-Sham at a crossing west of Sarmada.").Events);
        Assert.Equal("Armed clash", e.SubEventType.Label);
        string[] sides = [e.Actor1!, e.Actor2!];
        Assert.Contains("AAS: Ahrar al Sham", sides);
        Assert.Contains("HTS: Hayat Tahrir al Sham", sides);
    }

    [Fact]
    public void A_group_arresting_its_own_commander_fights_itself()
    {
        var e = Assert.Single(Extract.Run("On 5 May 2020, in Jarablus, the Hamza Division on Tuesday arrested one of its commanders whom it accused of smuggling.").Events);
        Assert.Equal("Armed clash", e.SubEventType.Label);
        Assert.Equal("Hamza Division - Aleppo", e.Actor1);
        Assert.Equal("Hamza Division - Aleppo", e.Actor2);
    }

    [Theory]
    [InlineData("On 5 May 2020, Faylaq al-Majd fighters clashed with the YPG near Mare.", "Faylaq al Majd")]
    [InlineData("On 5 May 2020, the regime's 17th Division clashed with ISIS cells near Maadan.", "Military Forces of Syria (2000-) 17th Division")]
    [InlineData("On 5 May 2020, gunmen attacked a Political Security patrol in Sanamayn.", "Police Forces of Syria (2000-) Political Intelligence")]
    public void Named_factions_and_units_are_read(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Contains(actor, new[] { e.Actor1, e.Actor2 });
    }

    [Theory]
    [InlineData("On 5 May 2020, a dispute in Afrin ended in shooting between members of the Hamza Division and the Sultan Murad Division.", "Sultan Murad Division", "Hamza Division - Aleppo")]
    [InlineData("On 5 May 2020, Ahrar al-Sharqiya fighters clashed with members of the National Police in al-Bab.", "Ahrar al Sharqiyah", "National Police Forces")]
    public void Rivals_of_one_bloc_are_the_two_sides(string text, string a1, string a2)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(new[] { a1, a2 }.Order(StringComparer.Ordinal), new[] { e.Actor1!, e.Actor2! }.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("On 5 May 2020, a quarrel in al-Bab turned into shooting between members of Jaysh al-Islam.", "Jaysh al Islam")]
    [InlineData("On 5 May 2020, fighting broke out between two groups of SDF fighters in Shaddadi.", "QSD: Syrian Democratic Forces")]
    public void Clashes_between_members_of_one_group_are_within_it(string text, string actor)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(actor, e.Actor1);
        Assert.Equal(actor, e.Actor2);
    }

    [Fact]
    public void Clashes_between_a_group_and_unknown_gunmen_keep_the_gunmen()
    {
        var e = Assert.Single(Extract.Run("On 5 May 2020, clashes took place between SDF fighters and unknown gunmen in Shaddadi.").Events);
        Assert.Equal(new[] { "QSD: Syrian Democratic Forces", "Unidentified Armed Group (Syria)" }, new[] { e.Actor1!, e.Actor2! }.Order(StringComparer.Ordinal));
    }
}
