namespace Marsad.Extraction.Tests.Extraction;

public class ActorTests
{
    [Theory]
    [InlineData("On 4 April 2020, clashes took place between regime forces and ISIS in Sukhnah.", "Military Forces of Syria (2000-)", "Islamic State (Syria)")]
    [InlineData("On 4 April 2020, unknown gunmen attacked an SDF checkpoint in Hajin.", "Unidentified Armed Group (Syria)", "QSD: Syrian Democratic Forces")]
    [InlineData("On 4 April 2020, HTS clashed with the Turkistan Islamic Party near Saraqib.", "HTS: Hayat Tahrir al Sham", "TIP: Turkistan Islamic Party")]
    public void Finds_both_sides(string text, string a, string b)
    {
        var e = Assert.Single(Extract.Run(text).Events);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), new[] { e.Actor1!, e.Actor2! }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_supporting_militia_is_an_associate_not_the_enemy()
    {
        var e = Assert.Single(Extract.Run("On 4 April 2020, regime forces supported by pro-regime militias clashed with rebels near Saraqib.").Events);
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
}
